package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.demo.DemoDataLoader;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Agreements recorded at an intermediate stage are brought under process control at that stage
 * ({@link AgreementLifecycle#resumeAt}). IOTC's draft MoC (demo register) is only read here: other
 * tests rely on it still awaiting the partner; the decision and signature are driven on agreements
 * this test records itself.
 */
@CmsIntegrationTest
class HistoricRecordsTest {

    private static final String IOTC = "CMS-IOTC-2015";
    private static final Duration REMINDER_INTERVAL = Duration.ofDays(30);

    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired ProcessDriver driver;
    @Autowired TestRestTemplate rest;
    @Autowired DemoDataLoader loader;

    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void reset() {
        driver.resetClock();
    }

    @Test
    void iotcsDraftAwaitingItsPartnerSince2015RunsAtRecordThePartnersDecisionWithItsNextReminderOnTheNextAnniversary() {
        ProcessInstance iotc = driver.instance(KEY, IOTC);
        assertThat(iotc).isNotEnded().isWaitingAt(TASK_PARTNER_DECISION)
                .hasNotPassed(MILESTONE_AWAITING_PARTNER, REQUEST_PARTNER_APPROVAL);
        assertThat(driver.task(iotc, TASK_PARTNER_DECISION)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(agreements.get(IOTC).status()).isEqualTo(AgreementStatus.AWAITING_PARTNER_APPROVAL);
        StatusChange last = driver.lastStatusChange(IOTC);
        assertThat(last.changedAt()).as("entering its own stage records nothing")
                .isEqualTo(RegisterClock.at(LocalDate.of(2015, 10, 15), LocalTime.NOON).toInstant());

        // Reminders every 30 days from 15 October 2015: the next one on the first such date after the
        // start; the ones long past are not sent, the Executive Secretary is alerted once, now.
        Instant startedAt = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(iotc.getId()).singleResult().getStartTime().toInstant();
        Job reminder = driver.job(iotc, PARTNER_REMINDER_DUE);
        assertThat(driver.dueDay(reminder)).isEqualTo(day(nextAnniversary(last.changedAt(), startedAt)));
        assertThat(driver.variable(iotc, PARTNER_REMINDERS_SENT)).isEqualTo(3);
        assertThat(driver.jobs(iotc, ALERT_EXECUTIVE_SECRETARY)).hasSize(1);
        assertThat(driver.mails(IOTC, "partner-approval-reminder")).isEmpty();

        // A restart skips it (the loader asks first), and a second start is refused.
        assertThat(lifecycle.isUnderProcessControl(IOTC)).isTrue();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(IOTC).count()).isEqualTo(1);
        assertThat(driver.conflict(() -> lifecycle.resumeAt(IOTC)))
                .hasMessage(IOTC + " is already under process control");
    }

    @Test
    void aRecordAwaitingItsPartnerIsRemindedOnScheduleThenApprovedByRestAndSigned() {
        Instant since = RegisterClock.at(today.minusDays(45), LocalTime.NOON).toInstant();
        String reference = record("HISTORIC-A", AgreementStatus.AWAITING_PARTNER_APPROVAL, since);

        assertThat(lifecycle.resumeAt(reference)).isEqualTo(reference);
        ProcessInstance process = driver.instance(KEY, reference);
        assertThat(process).isWaitingAt(TASK_PARTNER_DECISION);
        assertThat(agreements.history(reference)).as("nothing recorded on entering its stage").hasSize(1);
        assertThat(driver.variable(process, PARTNER_REMINDERS_SENT)).as("one reminder date passed").isEqualTo(1);
        assertThat(driver.jobs(process, ALERT_EXECUTIVE_SECRETARY)).isEmpty();
        Job reminder = driver.job(process, PARTNER_REMINDER_DUE);
        assertThat(driver.dueDay(reminder)).as("day 60 after the last status change").isEqualTo(today.plusDays(15));

        driver.fireWhenDue(reminder);
        driver.run(process, REMIND_PARTNER);
        assertThat(driver.variable(process, PARTNER_REMINDERS_SENT)).isEqualTo(2);
        assertThat(driver.mails(reference, "partner-approval-reminder")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("focal@historic-a.example.org"));
        assertThat(driver.dueDay(driver.job(process, PARTNER_REMINDER_DUE))).isEqualTo(today.plusDays(45));
        driver.resetClock();

        assertThat(rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements/" + reference + "/partner-decision",
                json("{\"decision\": \"APPROVED\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(process).hasPassed(TASK_PARTNER_DECISION).isWaitingAt(TASK_SIGNATURE);
        assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.AWAITING_SIGNATURE);

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, process, TASK_SIGNATURE, signature(today));
        driver.run(process, NOTIFY_SIGNED);
        assertThat(process).hasPassed(END_IN_FORCE).isEnded();
        assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(agreements.get(reference).signedOn()).isEqualTo(today);
    }

    @Test
    void aRecordPastTheThirdReminderDateAlertsTheExecutiveSecretaryOnceAndOtherStagesAreResumedWhereTheyWait() {
        Instant since = RegisterClock.at(today.minusDays(100), LocalTime.NOON).toInstant();
        String silent = record("HISTORIC-B", AgreementStatus.AWAITING_PARTNER_APPROVAL, since);
        ProcessInstance process = driver.instance(KEY, lifecycle.resumeAt(silent));
        assertThat(process).isWaitingAt(TASK_PARTNER_DECISION, ALERT_EXECUTIVE_SECRETARY);
        assertThat(driver.variable(process, PARTNER_REMINDERS_SENT)).isEqualTo(3);
        assertThat(driver.dueDay(driver.job(process, PARTNER_REMINDER_DUE))).as("day 120").isEqualTo(today.plusDays(20));
        driver.run(process, ALERT_EXECUTIVE_SECRETARY);
        // The alert says what happened: silence since the last status change, reminder dates passed
        // before this system took the record over, none of them sent by it.
        String silentSince = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                .format(today.minusDays(100));
        assertThat(driver.mails(silent, "partner-approval-alert")).singleElement().satisfies(n -> {
            assertThat(n.recipientEmail()).isEqualTo("amina@cms.example.org");
            assertThat(n.subject()).isEqualTo("Historic record HISTORIC-B has been silent on " + silent + " since " + silentSince);
            assertThat(n.body()).contains("has been silent since " + silentSince,
                            "3 reminder dates had passed without a reminder from it.")
                    .doesNotContain("after 3 reminders", "reminders since");
        });
        assertThat(process).hasPassed(END_EXECUTIVE_SECRETARY_ALERTED).isWaitingAt(TASK_PARTNER_DECISION);

        driver.fireWhenDue(process, PARTNER_REMINDER_DUE);
        driver.run(process, REMIND_PARTNER);
        assertThat(driver.jobs(process, ALERT_EXECUTIVE_SECRETARY)).as("alerted once only").isEmpty();
        assertThat(driver.mails(silent, "partner-approval-reminder")).hasSize(1);

        String legal = record("HISTORIC-C", AgreementStatus.IN_LEGAL_REVIEW, since);
        assertThat(driver.instance(KEY, lifecycle.resumeAt(legal))).isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(agreements.history(legal)).hasSize(1);

        String consulting = record("HISTORIC-D", AgreementStatus.IN_CONSULTATION, since);
        ConflictException refused = driver.conflict(() -> lifecycle.resumeAt(consulting));
        assertThat(refused.getMessage()).startsWith(consulting + " is IN_CONSULTATION");
        assertThatThrownBy(() -> lifecycle.resumeAt("CMS-CITES-2002")).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("CMS-CITES-2002 is IN_FORCE");
    }

    @Test
    void theLoaderTakesOverOnlyRecordsThatNeverHadAProcessNotOneWhoseProcessWasCancelled() {
        Instant since = RegisterClock.at(today.minusDays(10), LocalTime.NOON).toInstant();
        String cancelled = record("HISTORIC-E", AgreementStatus.AWAITING_SIGNATURE, since);
        ProcessInstance first = driver.instance(KEY, lifecycle.resumeAt(cancelled));
        engine.getRuntimeService().deleteProcessInstance(first.getId(), "Cancelled in Cockpit: signature on hold");
        assertThat(lifecycle.isUnderProcessControl(cancelled)).isFalse();
        String untouched = record("HISTORIC-F", AgreementStatus.AWAITING_SIGNATURE, since);

        assertThat(loader.bringUnderProcessControl()).contains(untouched).doesNotContain(cancelled);
        assertThat(lifecycle.isUnderProcessControl(cancelled)).as("left as the manager left it").isFalse();
        assertThat(driver.instance(KEY, untouched)).isWaitingAt(TASK_SIGNATURE);
        assertThat(loader.bringUnderProcessControl()).as("a restart starts nothing twice").doesNotContain(untouched, cancelled);
    }

    /** A partner of our own with one agreement recorded in {@code status} at {@code since}. */
    private String record(String acronym, AgreementStatus status, Instant since) {
        Partner partner = partners.create(new PartnerService.NewPartner(acronym, "Historic record " + acronym,
                PartnerCategory.NGO, null, null, false, null));
        partners.addFocalPoint(partner.id(), new PartnerService.NewFocalPoint("Focal Point", null,
                "focal@" + acronym.toLowerCase() + ".example.org", Language.EN));
        String reference = "CMS-" + acronym + "-2019";
        agreements.create(new AgreementService.NewAgreement(reference, partner.id(), InstrumentType.MEMORANDUM_OF_UNDERSTANDING,
                "Memorandum of Understanding with " + acronym, null, null, today.minusDays(200), today.plusYears(5),
                null, null), status, "import", "Recorded from the Secretariat's register", since);
        return reference;
    }

    private static Instant nextAnniversary(Instant since, Instant after) {
        long periods = Duration.between(since, after).dividedBy(REMINDER_INTERVAL) + 1;
        return since.plus(REMINDER_INTERVAL.multipliedBy(periods));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, RegisterClock.SECRETARIAT_ZONE);
    }

    private static Map<String, Object> signature(LocalDate date) {
        return ProcessValues.of(SIGNED_ON, date).and(PLACE_OF_SIGNATURE, "Bonn")
                .and(SIGNATORY_CMS, "Amy Fraenkel, Executive Secretary")
                .and(SIGNATORY_PARTNER, "Director, partner organization").asMap();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
