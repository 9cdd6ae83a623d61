package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.EndorsementDriver;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Notifications over a real SMTP server (GreenMail): content and language of what arrives, and
 * "exactly once" through partial failures, retries and an incident.
 */
@CmsIntegrationTest
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000"})
@Import(MailDeliveryProcessTest.FlakyMail.class)
class MailDeliveryProcessTest {

    /** A free port, so that two checkouts can run the suite side by side. */
    static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired NotificationService notifications;
    @Autowired NotificationLog notificationLog;
    @Autowired FlakyMailSender flaky;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        flaky.failFor.clear();
    }

    @Test
    void deliversEachRecipientTheMessageInTheirLanguage() throws Exception {
        notifications.send("endorsement-partner-body-reminder", "CMS-CITES-2002", List.of(
                        new Recipient("Claire Tremblay", "claire@cbd.example.org", Language.EN),
                        new Recipient("Jean-Marc Perrin", "jean-marc@cites.example.org", Language.FR),
                        new Recipient("Lucía Morales", "lucia@whmsi.example.org", Language.ES)),
                model("CMS-CITES-2002", "CMS-CITES Joint Work Programme 2012-2014", "CITES Secretariat"),
                "delivery-test-1", null);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage french = find(received, "jean-marc@cites.example.org");
        assertThat(french.getSubject()).isEqualTo("Rappel : décision de votre organe directeur sur CMS-CITES-2002");
        assertThat(GreenMailUtil.getBody(french)).contains("CITES Secretariat");
        assertThat(find(received, "lucia@whmsi.example.org").getSubject())
                .isEqualTo("Recordatorio: decisión de su órgano rector sobre CMS-CITES-2002");
        assertThat(find(received, "claire@cbd.example.org").getSubject())
                .isEqualTo("Reminder: decision of your governing body on CMS-CITES-2002");
        assertThat(notificationLog.search("CMS-CITES-2002", NotificationStatus.SENT, "endorsement-partner-body-reminder", 10))
                .hasSize(3);
    }

    @Test
    void recipientsWithoutAValidAddressAreReportedNotSkipped() {
        NotificationService.Outcome outcome = notifications.send("endorsement-partner-body-reminder", "CMS-TEST-1",
                List.of(new Recipient("No Address", null, Language.EN),
                        new Recipient("Broken Address", "not-an-address", Language.FR),
                        new Recipient("Fine", "fine@example.org", Language.EN)),
                model("CMS-TEST-1", "Test", "Partner"), "delivery-test-2", null);
        assertThat(outcome.sent()).isEqualTo(1);
        assertThat(outcome.problems()).containsExactly("No Address: No e-mail address",
                "Broken Address: Invalid e-mail address 'not-an-address'");
        assertThat(notificationLog.search("CMS-TEST-1", NotificationStatus.INVALID_RECIPIENT, null, 10))
                .extracting(Notification::recipientName).containsExactlyInAnyOrder("No Address", "Broken Address");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRetriedJobSendsOnlyWhatFailedTheFirstTime() throws Exception {
        ProcessInstance endorsement = scheduleMeeting("CMS-BERN-2009", "CMS/StC66/2-BERN");
        driver.run(endorsement, EndorsementProcess.TIMER_DOCUMENTS_DUE);
        flaky.failFor.addAll(Set.of("leila.bensalah@stc.example.org", "diego.benitez@stc.example.org"));

        Job sendDocuments = driver.job(endorsement, EndorsementProcess.SEND_DOCUMENTS);
        assertThatThrownBy(() -> engine.getManagementService().executeJob(sendDocuments.getId()))
                .hasMessageContaining("2 of 17 e-mails");
        assertThat(smtp.getReceivedMessages()).hasSize(15);
        assertThat(engine.getManagementService().createJobQuery().jobId(sendDocuments.getId()).singleResult().getRetries())
                .isEqualTo(4);

        flaky.failFor.clear();
        engine.getManagementService().executeJob(sendDocuments.getId());
        assertThat(endorsement).isWaitingAt(EndorsementProcess.TIMER_REMINDER_DUE);
        assertEveryMemberReceivedExactlyOnce(smtp.getReceivedMessages());
        List<Notification> log = notificationLog.search("CMS-BERN-2009", null, "endorsement-documents", 100);
        assertThat(log).hasSize(17).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
        assertThat(log).filteredOn(n -> n.attempts() == 2).extracting(Notification::recipientName)
                .containsExactlyInAnyOrder("Leïla Ben Salah", "Diego Benítez");
        engine.getRuntimeService().deleteProcessInstance(endorsement.getId(), "test done");
    }

    @Test
    void aMailServerDownLeadsToAnIncidentAndRetryingItDeliversEverythingOnce() throws Exception {
        ProcessInstance endorsement = scheduleMeeting("CMS-UNCCD-2003", "CMS/StC66/5-UNCCD");
        driver.run(endorsement, EndorsementProcess.TIMER_DOCUMENTS_DUE);
        Job sendDocuments = driver.job(endorsement, EndorsementProcess.SEND_DOCUMENTS);
        smtp.stop();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(sendDocuments.getId()))
                    .hasMessageContaining("17 of 17 e-mails");
        }
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(endorsement.getId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(EndorsementProcess.SEND_DOCUMENTS);
        assertThat(incident.getIncidentMessage()).contains("not delivered");
        assertThat(notificationLog.search("CMS-UNCCD-2003", NotificationStatus.FAILED, null, 100))
                .hasSize(17).allSatisfy(n -> assertThat(n.attempts()).isEqualTo(5));

        smtp.start();
        // What "Retry" in Cockpit does: give the failed job a retry and let it run.
        engine.getManagementService().setJobRetries(sendDocuments.getId(), 1);
        engine.getManagementService().executeJob(sendDocuments.getId());

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(endorsement.getId()).count()).isZero();
        assertEveryMemberReceivedExactlyOnce(smtp.getReceivedMessages());
        assertThat(notificationLog.search("CMS-UNCCD-2003", NotificationStatus.SENT, null, 100)).hasSize(17);
        engine.getRuntimeService().deleteProcessInstance(endorsement.getId(), "test done");
    }

    private ProcessInstance scheduleMeeting(String agreement, String documentNumber) {
        Map<String, Object> request = new HashMap<>();
        EndorsementProcess.SUBJECT_TYPE.putIn(request, SubjectType.AGREEMENT);
        EndorsementProcess.SUBJECT_REFERENCE.putIn(request, agreement);
        EndorsementProcess.BODY.putIn(request, Body.CMS_STANDING_COMMITTEE);
        ProcessInstance endorsement = engine.getRuntimeService().startProcessInstanceByKey(EndorsementProcess.KEY, request);
        new EndorsementDriver(driver).complete(endorsement, EndorsementProcess.TASK_SCHEDULE,
                EndorsementDriver.newMeeting(66, RegisterClock.today().plusDays(45), documentNumber));
        return endorsement;
    }

    /** What the partner-body reminder template reads from the endorsement. */
    private static Map<String, Object> model(String reference, String title, String partnerName) {
        Map<String, Object> model = new HashMap<>();
        EndorsementProcess.SUBJECT_REFERENCE.putIn(model, reference);
        EndorsementProcess.SUBJECT_TITLE.putIn(model, title);
        EndorsementProcess.PARTNER_NAME.putIn(model, partnerName);
        return model;
    }

    private static void assertEveryMemberReceivedExactlyOnce(MimeMessage[] received) throws Exception {
        List<String> recipients = Arrays.stream(received).map(MailDeliveryProcessTest::to).toList();
        assertThat(recipients).hasSize(17).doesNotHaveDuplicates();
        assertThat(new HashSet<>(recipients)).contains("leila.bensalah@stc.example.org", "katharina.berger@stc.example.org");
    }

    private static MimeMessage find(MimeMessage[] messages, String to) {
        return Arrays.stream(messages).filter(m -> to.equals(to(m))).findFirst().orElseThrow();
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real SMTP sender (it replaces the auto-configured one, with the same settings), made to
     * fail for chosen addresses: a partial failure on demand.
     */
    static class FlakyMailSender extends JavaMailSenderImpl {
        final Set<String> failFor = ConcurrentHashMap.newKeySet();

        @Override
        public void send(MimeMessage... messages) {
            for (MimeMessage message : messages) {
                if (failFor.contains(to(message))) {
                    throw new MailSendException("Simulated refusal for " + to(message));
                }
            }
            super.send(messages);
        }
    }

    @TestConfiguration
    static class FlakyMail {
        @Bean
        @Primary
        FlakyMailSender flakyMailSender(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
            FlakyMailSender sender = new FlakyMailSender();
            sender.setHost(host);
            sender.setPort(port);
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
            return sender;
        }
    }
}
