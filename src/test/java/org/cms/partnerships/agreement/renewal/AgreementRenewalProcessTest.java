package org.cms.partnerships.agreement.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.review.FollowUps;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Agreements with an end date: alerts 90, 60 and 30 days before, and renewal, extension, lapse or
 * expiry without a decision, with the clock moved across the alert and end dates.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementRenewalProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired FollowUps followUps;
    @Autowired AgreementService agreements;
    @Autowired NotificationLog notificationLog;
    @Autowired TestRestTemplate rest;

    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void theSweepStartsTheRenewalNinetyDaysAheadAlertsTwiceMoreAndRenewalProposesASupersedingAgreement() {
        LocalDate end = today.plusDays(80);
        agreements.amend("CMS-MWN-2011", null, end);
        assertThat(followUps.startDueRenewals(today)).contains(businessKey("CMS-MWN-2011", end));
        assertThat(followUps.startDueRenewals(today)).doesNotContain(businessKey("CMS-MWN-2011", end));
        ProcessInstance renewal = instance(businessKey("CMS-MWN-2011", end));

        execute(job(renewal, ALERT_FIRST));
        assertThat(renewal).isWaitingAt(TASK_DECIDE);
        assertThat(task(renewal)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        moveClockTo(end.minusDays(60));
        execute(timer(renewal, SECOND_ALERT_DUE));
        execute(job(renewal, ALERT_AGAIN));
        moveClockTo(end.minusDays(30));
        execute(timer(renewal, THIRD_ALERT_DUE));
        execute(job(renewal, ALERT_AGAIN));
        List<Notification> alerts = notificationLog.search("CMS-MWN-2011", null, "renewal-alert", 20);
        assertThat(alerts).extracting(Notification::recipientEmail).containsOnly("oliver@cms.example.org", "paula@cms.example.org");
        assertThat(alerts).hasSize(6);

        engine.getIdentityService().setAuthentication("paula", List.of(Groups.PARTNERSHIP_OFFICERS));
        complete(task(renewal), Map.of(DECISION, "RENEW", REASON, "The Network wants a broader partnership"));
        engine.getIdentityService().clearAuthentication();
        assertThat(renewal).hasPassed(START_RENEWAL, END_RENEWAL_PROPOSED).isEnded();
        String renewed = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(renewal.getId()).variableName(FOLLOW_UP_REFERENCE).singleResult().getValue();
        ProcessInstance proposal = instance(renewed);
        assertThat(proposal).isWaitingAt(AgreementProcess.TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), AgreementProcess.SUPERSEDES)).isEqualTo("CMS-MWN-2011");
        assertThat(agreements.get(renewed).status()).isEqualTo(AgreementStatus.DRAFTING);
        assertThat(agreements.get(renewed).proposedBy()).isEqualTo("paula");
        engine.getRuntimeService().deleteProcessInstance(proposal.getId(), "test done");
    }

    @Test
    void anAgreementLeftToLapseExpiresOnItsEndDateAndTheManagersAreTold() {
        LocalDate end = today.plusDays(40);
        agreements.amend("CMS-FZS-2008", null, end);
        ProcessInstance renewal = instance(followUps.startRenewalNow("CMS-FZS-2008"));
        execute(job(renewal, ALERT_FIRST));
        complete(task(renewal), Map.of(DECISION, "LAPSE", REASON, "The gorilla campaign is over"));
        assertThat(renewal).isWaitingAt(UNTIL_END_DATE);
        assertThat(agreements.get("CMS-FZS-2008").status()).isEqualTo(AgreementStatus.IN_FORCE);

        moveClockTo(end);
        execute(timer(renewal, UNTIL_END_DATE));
        execute(job(renewal, TELL_MANAGERS));
        assertThat(renewal).hasPassed(MARK_EXPIRED, END_EXPIRED).isEnded();
        assertThat(agreements.get("CMS-FZS-2008").status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(notificationLog.search("CMS-FZS-2008", null, "agreement-expired", 10)).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("marc@cms.example.org"));
    }

    @Test
    void withoutADecisionByTheEndDateTheAgreementExpires() {
        LocalDate end = today.plusDays(25);
        agreements.amend("CMS-CAFF-2012", null, end);
        ProcessInstance renewal = instance(followUps.startRenewalNow("CMS-CAFF-2012"));
        execute(job(renewal, ALERT_FIRST));
        moveClockTo(end);
        execute(timer(renewal, END_DATE_REACHED));
        execute(job(renewal, TELL_MANAGERS));
        assertThat(renewal).hasPassed(END_DATE_REACHED, MARK_EXPIRED).hasNotPassed(RECORD_DECISION).isEnded();
        assertThat(agreements.get("CMS-CAFF-2012").status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(agreements.history("CMS-CAFF-2012")).last()
                .satisfies(h -> assertThat(h.reason()).isEqualTo("Term ended on " + end));
    }

    @Test
    void extendingByAmendmentStartsAnExtensionOfTerm() {
        LocalDate end = today.plusDays(50);
        agreements.amend("CMS-BLI-2004", null, end);
        ProcessInstance renewal = instance(followUps.startRenewalNow("CMS-BLI-2004"));
        execute(job(renewal, ALERT_FIRST));
        assertThatThrownBy(() -> complete(task(renewal), Map.of(DECISION, "EXTEND", REASON, "Flyways work continues",
                NEW_EXPIRES_ON, end.minusDays(1).toString())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be after " + end);
        complete(task(renewal), Map.of(DECISION, "EXTEND", REASON, "Flyways work continues",
                NEW_EXPIRES_ON, end.plusYears(3).toString()));
        assertThat(renewal).hasPassed(START_EXTENSION, END_EXTENSION_PROPOSED).isEnded();
        ProcessInstance amendment = instance("CMS-BLI-2004/A1");
        assertThat(amendment).isWaitingAt("userTask_legalReviewOfAmendment");
        engine.getRuntimeService().deleteProcessInstance(amendment.getId(), "test done");
    }

    @Test
    void anAgreementWithoutEndDateHasNoRenewal() {
        assertThatThrownBy(() -> followUps.startRenewalNow("CMS-CITES-2002")).isInstanceOf(InvalidInputException.class)
                .hasMessage("CMS-CITES-2002 has no end date: it does not expire");
        assertThat(rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements/CMS-CITES-2002/renewal", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ProcessInstance instance(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(RegisterClock.at(day, LocalTime.of(9, 30)));
    }
}
