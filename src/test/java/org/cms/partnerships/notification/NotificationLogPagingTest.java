package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13: the notification log is paged and counted in SQL (the whole log) or narrowed to the reader's
 * address in SQL (everyone else). For every demo user and filter, page after page gives exactly the lines
 * the log gave before, when every line was read and RegisterReadAccess's rule applied in memory: the same
 * lines, newest first, and the same count.
 */
@CmsIntegrationTest
@Transactional // the lines written here are rolled back
class NotificationLogPagingTest {

    private static final List<String> USERS = List.of("oliver", "marc", "lena", "amina", "aewa", "eurobats", "ascobans");

    @Autowired NotificationLog log;
    @Autowired NotificationReaders readers;
    @Autowired RegisterReadAccess access;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @Test
    void everyUserReadsPageAfterPageTheLinesTheRuleGaveOverTheWholeLog() {
        // Lines to the secretariats and staff (addresses in other letter cases too), about agreements that
        // name AEWA (CMS-BERN-2009 does not), with several statuses, around what the demo and other tests logged.
        String[] recipients = {"aewa@cms.example.org", "AEWA@cms.example.org", "eurobats@cms.example.org",
                "lena@cms.example.org", "amina@CMS.example.org", "focal.point@partners.example.org", null};
        String[] references = {"CMS-IOTC-2015", "CMS-BERN-2009", "CMS-IWC-2000", "CMS-CITES-2002", null};
        String[] statuses = {"RENDERED", "SENT", "FAILED", "INVALID_RECIPIENT"};
        for (int i = 0; i < 130; i++) {
            jdbc.sql("""
                    INSERT INTO notification_log (dedup_key, template, subject_reference, recipient_name, recipient_email,
                                                  language, subject, body, status, attempts, created_at)
                    VALUES (:key, :template, :reference, 'Reader', :email, 'EN', :subject, 'Body', :status, 1, :at)""")
                    .param("key", "paging-test-" + i).param("template", i % 2 == 0 ? "review-notice" : "agreement-signed")
                    .param("reference", references[i % references.length]).param("email", recipients[i % recipients.length])
                    .param("subject", "Paging test " + i).param("status", statuses[i % statuses.length])
                    .param("at", Timestamp.from(Instant.now())).update();
        }
        List<Notification> everything = jdbc.sql("SELECT * FROM notification_log ORDER BY id DESC")
                .query(NotificationLog::notification).list();

        int compared = 0;
        for (String user : USERS) {
            List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            identity.setAuthentication(user, groups);
            try {
                Predicate<Notification> rule = access.notifications();
                for (String reference : new String[] {null, "CMS-IOTC-2015", "CMS-BERN-2009"}) {
                    for (NotificationStatus status : new NotificationStatus[] {null, NotificationStatus.FAILED}) {
                        for (String template : new String[] {null, "review-notice"}) {
                            List<Notification> expected = everything.stream()
                                    .filter(n -> reference == null || reference.equals(n.subjectReference()))
                                    .filter(n -> status == null || status == n.status())
                                    .filter(n -> template == null || template.equals(n.template()))
                                    .filter(rule).toList();
                            assertThat(allPages(reference, status, template, 25)).as("%s %s %s %s", user, reference, status, template)
                                    .isEqualTo(expected);
                            assertThat(log.page(reference, status, template, readers.current(), 0, 25).total())
                                    .isEqualTo(expected.size());
                            compared++;
                        }
                    }
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        assertThat(compared).isEqualTo(USERS.size() * 12);
        // The secretariat reads its own lines only, in any letter case of its address; officers read them all.
        identity.setAuthentication("aewa", identity.createGroupQuery().groupMember("aewa").list().stream().map(Group::getId).toList());
        try {
            assertThat(log.page(null, null, null, readers.current(), 0, 1000).items()).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.recipientEmail()).isEqualToIgnoringCase("aewa@cms.example.org"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(log.page(null, null, null, NotificationLog.Reader.WHOLE_LOG, 0, 25).total()).isEqualTo(everything.size());
    }

    @Test
    void aPageAfterTheLastIsEmptyAndTheLimitIsKept() {
        int total = log.page(null, null, null, NotificationLog.Reader.WHOLE_LOG, 0, 1).total();
        assertThat(log.page(null, null, null, NotificationLog.Reader.WHOLE_LOG, total + 10, 25).items()).isEmpty();
        assertThat(log.search(null, null, null, 3)).hasSizeLessThanOrEqualTo(3);
        assertThat(log.page(null, null, null, NotificationLog.Reader.addressedTo(null, n -> true), 0, 25).total()).isZero();
    }

    private List<Notification> allPages(String reference, NotificationStatus status, String template, int size) {
        List<Notification> all = new ArrayList<>();
        for (int offset = 0; ; offset += size) {
            NotificationLog.Page page = log.page(reference, status, template, readers.current(), offset, size);
            all.addAll(page.items());
            if (page.items().size() < size) {
                return all;
            }
        }
    }
}
