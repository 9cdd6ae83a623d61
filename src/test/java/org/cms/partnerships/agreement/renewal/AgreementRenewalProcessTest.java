package org.cms.partnerships.agreement.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.amendment.AmendmentProcess.NEW_EXPIRES_ON;
import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.amendment.AmendmentProcess;
import org.cms.partnerships.agreement.review.FollowUps;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.support.ProcessDriver;
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
    @Autowired ProcessDriver driver;
    @Autowired FollowUps followUps;
    @Autowired AgreementService agreements;
    @Autowired TestRestTemplate rest;

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
        ProcessInstance renewal = driver.instance(KEY, businessKey("CMS-MWN-2011", end));

        driver.run(renewal, ALERT_FIRST);
        assertThat(renewal).isWaitingAt(TASK_DECIDE);
        assertThat(driver.task(renewal, TASK_DECIDE)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        driver.moveClockTo(end.minusDays(60));
        driver.run(renewal, SECOND_ALERT_DUE);
        driver.run(renewal, ALERT_AGAIN);
        driver.moveClockTo(end.minusDays(30));
        driver.run(renewal, THIRD_ALERT_DUE);
        driver.run(renewal, ALERT_AGAIN);
        List<Notification> alerts = driver.mails("CMS-MWN-2011", "renewal-alert");
        assertThat(alerts).extracting(Notification::recipientEmail).containsOnly("oliver@cms.example.org", "paula@cms.example.org");
        assertThat(alerts).hasSize(6);

        driver.complete("paula", Groups.PARTNERSHIP_OFFICERS, renewal, TASK_DECIDE,
                values(DECISION, Decision.RENEW, REASON, "The Network wants a broader partnership"));
        assertThat(renewal).hasPassed(START_RENEWAL, END_RENEWAL_PROPOSED).isEnded();
        String renewed = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(renewal.getId()).variableName(FOLLOW_UP_REFERENCE.name()).singleResult().getValue();
        ProcessInstance proposal = driver.instance(AgreementProcess.KEY, renewed);
        assertThat(proposal).isWaitingAt(AgreementProcess.TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), AgreementProcess.SUPERSEDES.name())).isEqualTo("CMS-MWN-2011");
        assertThat(agreements.get(renewed).status()).isEqualTo(AgreementStatus.DRAFTING);
        assertThat(agreements.get(renewed).proposedBy()).isEqualTo("paula");
        assertThat(agreements.comments("CMS-MWN-2011")).last()
                .satisfies(c -> assertThat(c.text()).isEqualTo("RENEW: The Network wants a broader partnership"));
        engine.getRuntimeService().deleteProcessInstance(proposal.getId(), "test done");
    }

    @Test
    void anAgreementLeftToLapseExpiresOnItsEndDateAndTheManagersAreTold() {
        LocalDate end = today.plusDays(40);
        agreements.amend("CMS-FZS-2008", null, end);
        ProcessInstance renewal = driver.instance(KEY, followUps.startRenewalNow("CMS-FZS-2008"));
        driver.run(renewal, ALERT_FIRST);
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, renewal, TASK_DECIDE,
                values(DECISION, Decision.LAPSE, REASON, "The gorilla campaign is over"));
        assertThat(renewal).isWaitingAt(UNTIL_END_DATE);
        assertThat(agreements.get("CMS-FZS-2008").status()).isEqualTo(AgreementStatus.IN_FORCE);

        driver.moveClockTo(end);
        driver.run(renewal, UNTIL_END_DATE);
        driver.run(renewal, TELL_MANAGERS);
        assertThat(renewal).hasPassed(EXPIRED, END_EXPIRED).isEnded();
        assertThat(agreements.get("CMS-FZS-2008").status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(driver.mails("CMS-FZS-2008", "agreement-expired")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("marc@cms.example.org"));
    }

    @Test
    void withoutADecisionByTheEndDateTheAgreementExpires() {
        LocalDate end = today.plusDays(25);
        agreements.amend("CMS-CAFF-2012", null, end);
        ProcessInstance renewal = driver.instance(KEY, followUps.startRenewalNow("CMS-CAFF-2012"));
        driver.run(renewal, ALERT_FIRST);
        driver.moveClockTo(end);
        driver.run(renewal, END_DATE_REACHED);
        driver.run(renewal, TELL_MANAGERS);
        assertThat(renewal).hasPassed(END_DATE_REACHED, EXPIRED).hasNotPassed(START_RENEWAL, START_EXTENSION, UNTIL_END_DATE)
                .isEnded();
        assertThat(agreements.get("CMS-CAFF-2012").status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(driver.lastStatusChange("CMS-CAFF-2012").reason()).isEqualTo("Term ended on " + end);
    }

    @Test
    void extendingByAmendmentStartsAnExtensionOfTerm() {
        LocalDate end = today.plusDays(50);
        agreements.amend("CMS-BLI-2004", null, end);
        ProcessInstance renewal = driver.instance(KEY, followUps.startRenewalNow("CMS-BLI-2004"));
        driver.run(renewal, ALERT_FIRST);
        InvalidInputException tooEarly = driver.refusal(() -> driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, renewal,
                TASK_DECIDE, values(DECISION, Decision.EXTEND, REASON, "Flyways work continues", NEW_EXPIRES_ON, end.minusDays(1))));
        assertThat(tooEarly.getMessage()).contains("must be after " + end);
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, renewal, TASK_DECIDE,
                values(DECISION, Decision.EXTEND, REASON, "Flyways work continues", NEW_EXPIRES_ON, end.plusYears(3)));
        assertThat(renewal).hasPassed(START_EXTENSION, END_EXTENSION_PROPOSED).isEnded();
        ProcessInstance amendment = driver.instance(AmendmentProcess.KEY, "CMS-BLI-2004/A1");
        assertThat(amendment).isWaitingAt(AmendmentProcess.TASK_LEGAL_REVIEW);
        assertThat(engine.getRuntimeService().getVariable(amendment.getId(), NEW_EXPIRES_ON.name()))
                .isEqualTo(end.plusYears(3).toString());
        engine.getRuntimeService().deleteProcessInstance(amendment.getId(), "test done");
    }

    @Test
    void anAgreementWithoutEndDateHasNoRenewalAndOneWithARenewalUnderWayNoSecond() {
        assertThatThrownBy(() -> followUps.startRenewalNow("CMS-CITES-2002")).isInstanceOf(InvalidInputException.class)
                .hasMessage("CMS-CITES-2002 has no end date: it does not expire");
        assertThat(rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements/CMS-CITES-2002/renewal", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        agreements.amend("CMS-ITTO", null, today.plusDays(70));
        ProcessInstance renewal = driver.instance(KEY, followUps.startRenewalNow("CMS-ITTO"));
        assertThat(driver.conflict(() -> followUps.startRenewalNow("CMS-ITTO")).getMessage())
                .isEqualTo("Expiry and renewal of an agreement: one is already under way for CMS-ITTO");
        assertThat(rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements/CMS-ITTO/renewal", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        engine.getRuntimeService().deleteProcessInstance(renewal.getId(), "test done");
    }
}
