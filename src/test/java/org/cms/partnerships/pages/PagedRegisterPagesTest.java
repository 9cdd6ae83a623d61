package org.cms.partnerships.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.WebappSession;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13: the notification log and the joint work plans are paged on the pages as the other lists are
 * (25 a page) and read in SQL page by page; the pages show what the whole lists showed, page after page,
 * to an officer and to a Family secretariat, and a plan's page is found by its reference in any letter case.
 */
@CmsIntegrationTest
class PagedRegisterPagesTest {

    private static final Pattern PLAN_LINK = Pattern.compile("<th scope=\"row\"><a href=\"/register/work-plans/([^\"]+)\">");
    private static final Pattern SUBJECT = Pattern.compile("<summary>(Paged page test \\d+)</summary>");

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired WorkPlanService workPlans;
    @Autowired PartnerService partners;
    @Autowired AgreementService agreements;
    @Autowired RegisterReadAccess access;
    @Autowired IdentityService identity;

    @Test
    void theNotificationLogShowsEachPageOfTheNewestLinesWithTheWholeCount() {
        try {
            for (int i = 0; i < 60; i++) {
                jdbc.sql("""
                        INSERT INTO notification_log (dedup_key, template, subject_reference, recipient_name, recipient_email,
                                                      language, subject, body, status, attempts, created_at)
                        VALUES (:key, 'review-notice', 'CMS-IWC-2000', 'Reader', 'reader@partners.example.org', 'EN', :subject,
                                'Body', 'RENDERED', 1, :at)""")
                        .param("key", "paged-page-test-" + i).param("subject", "Paged page test " + i)
                        .param("at", Timestamp.from(Instant.now())).update();
            }
            int total = jdbc.sql("SELECT COUNT(*) FROM notification_log").query(Integer.class).single();
            WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

            String first = page(oliver, "/register/notifications");
            assertThat(first).contains("Notifications 1–25 of " + total, "Page 1 of " + (total + 24) / 25);
            assertThat(subjects(first)).isEqualTo(range(59, 35));
            String second = page(oliver, "/register/notifications?page=2");
            assertThat(second).contains("Notifications 26–50 of " + total);
            assertThat(subjects(second)).isEqualTo(range(34, 10));
            // Past the last page: the last page, as for the lists held in memory.
            int last = (total + 24) / 25;
            assertThat(page(oliver, "/register/notifications?page=" + (last + 5))).contains("Page " + last + " of " + last);
            String iwc = page(oliver, "/register/notifications?reference=CMS-IWC-2000&status=RENDERED");
            assertThat(subjects(iwc)).isEqualTo(range(59, 35));
            // A Family secretariat reads none of these (not addressed to it).
            assertThat(subjects(page(WebappSession.login(rest, "eurobats", "tasklist"), "/register/notifications"))).isEmpty();
        } finally {
            jdbc.sql("DELETE FROM notification_log WHERE dedup_key LIKE 'paged-page-test-%'").update();
        }
    }

    @Test
    void theWorkPlanListShowsEveryReadablePlanPageByPageWithItsActivityCount() {
        long partner = partners.getByAcronym("CITES").id();
        Long agreement = agreements.get("CMS-CITES-2002").id();
        try {
            for (int i = 1; i <= 30; i++) {
                workPlans.create(new WorkPlanService.NewWorkPlan("JWP-PAGED-%02d".formatted(i), partner, agreement,
                        "Paged plan " + i, 2030, 2032, WorkPlanStatus.DRAFT, null));
            }
            for (String user : List.of("oliver", "eurobats", "aewa")) {
                WebappSession session = WebappSession.login(rest, user, "tasklist");
                List<String> expected = oldReadablePlans(user);
                List<String> shown = new ArrayList<>();
                int pages = (expected.size() + 24) / 25;
                for (int p = 1; p <= Math.max(1, pages); p++) {
                    String html = page(session, "/register/work-plans?page=" + p);
                    shown.addAll(plans(html));
                    if (pages > 1) {
                        assertThat(html).contains("Page " + p + " of " + pages);
                    }
                }
                assertThat(shown).as(user).isEqualTo(expected);
            }
            String cites = page(WebappSession.login(rest, "oliver", "tasklist"), "/register/work-plans");
            int activities = workPlans.activities("JWP-CMS-CITES-2012-2014").size();
            assertThat(cites).contains("Plans 1–25 of ");
            assertThat(activities).isPositive();
            String all = new String(WebappSession.login(rest, "oliver", "tasklist").get("/register/work-plans.csv").getBody(),
                    StandardCharsets.UTF_8);
            assertThat(all).contains("JWP-CMS-CITES-2012-2014,").contains("JWP-PAGED-30,");
            assertThat(all.lines().filter(l -> l.startsWith("JWP-CMS-CITES-2012-2014,")).findFirst().orElseThrow())
                    .endsWith("," + activities);
        } finally {
            jdbc.sql("DELETE FROM work_plan_status_change WHERE work_plan_id IN (SELECT id FROM work_plan WHERE reference LIKE 'JWP-PAGED-%')")
                    .update();
            jdbc.sql("DELETE FROM work_plan WHERE reference LIKE 'JWP-PAGED-%'").update();
        }
    }

    @Test
    void aPlanPageIsFoundInAnyLetterCaseAndRefusedAsUnknownToWhoMayNotReadIt() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        assertThat(oliver.get("/register/work-plans/jwp-cms-cites-2012-2014").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page(oliver, "/register/work-plans/jwp-cms-cites-2012-2014")).contains("JWP-CMS-CITES-2012-2014");
        for (String user : List.of("eurobats", "aewa", "ascobans")) {
            boolean reads = oldReadablePlans(user).contains("JWP-CMS-CITES-2012-2014");
            assertThat(WebappSession.login(rest, user, "tasklist").get("/register/work-plans/JWP-CMS-CITES-2012-2014")
                    .getStatusCode()).as(user).isEqualTo(reads ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        }
        assertThat(oliver.get("/register/work-plans/JWP-NONE").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The plans the list showed before it was paged: every plan, each one's agreement looked up and checked. */
    private List<String> oldReadablePlans(String user) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
        try {
            RegisterReadAccess.Scope scope = access.current();
            return workPlans.all().stream().filter(p -> scope.everything() || p.agreementReference() != null
                    && agreements.find(p.agreementReference()).filter(scope::mayRead).isPresent()).map(WorkPlan::reference).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static String page(WebappSession session, String path) {
        var response = session.get(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    private static List<String> plans(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = PLAN_LINK.matcher(html);
        while (m.find()) {
            found.add(java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        }
        return found;
    }

    private static List<String> subjects(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = SUBJECT.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> range(int from, int downTo) {
        List<String> list = new ArrayList<>();
        for (int i = from; i >= downTo; i--) {
            list.add("Paged page test " + i);
        }
        return list;
    }
}
