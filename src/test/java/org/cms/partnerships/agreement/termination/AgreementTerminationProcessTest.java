package org.cms.partnerships.agreement.termination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.termination.TerminationProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.review.AnnualReviewProcess;
import org.cms.partnerships.agreement.review.FollowUps;
import org.cms.partnerships.agreement.suspension.SuspensionProcess;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Termination of an agreement: the Executive Secretary decides; what follows the agreement ends with it. */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementTerminationProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired FollowUps followUps;
    @Autowired SuspensionProcess suspension;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired WorkPlanService workPlans;
    @Autowired TestRestTemplate rest;

    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = RegisterClock.today();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void terminationEndsTheOpenReviewAndSuspensionAndStopsTheJointWorkPlan() {
        String reference = "CMS-AMMPA";
        ProcessInstance drafting = engine.getRuntimeService().startProcessInstanceByKey(WorkPlanProcess.KEY, ProcessDriver.values(
                AgreementVariables.REFERENCE, reference, WorkPlanProcess.PLAN_TITLE, "CMS-AMMPA education plan",
                WorkPlanProcess.FIRST_YEAR, today.getYear() + 1, WorkPlanProcess.LAST_YEAR, today.getYear() + 2,
                WorkPlanProcess.THEME_LINES, "A: Education"));
        ProcessInstance review = driver.instance(AnnualReviewProcess.KEY, followUps.startReviewNow(reference, today));
        ProcessInstance suspended = driver.instance(SuspensionProcess.KEY,
                suspension.requestSuspension(reference, "PARTNER_REVIEW", "AMMPA reviews its international work"));
        var ammpa = partners.getByAcronym("AMMPA");
        workPlans.create(new WorkPlanService.NewWorkPlan("JWP-CMS-AMMPA-2026", ammpa.id(), agreements.get(reference).id(),
                "CMS-AMMPA outreach plan", today.getYear(), today.getYear() + 1, WorkPlanStatus.IN_IMPLEMENTATION, null));

        ResponseEntity<JsonNode> noReason = post("/api/agreements/" + reference + "/termination",
                "{\"grounds\": \"PARTNER_CEASED_OPERATIONS\", \"reason\": \"\"}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("detail").asText()).contains("The reason for the termination is required");
        ResponseEntity<JsonNode> started = post("/api/agreements/" + reference + "/termination",
                "{\"grounds\": \"PARTNER_CEASED_OPERATIONS\", \"reason\": \"The Alliance ceased its international programme\"}");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("businessKey").asText()).isEqualTo(reference + "/termination");
        ProcessInstance termination = driver.instance(KEY, reference + "/termination");
        assertThat(driver.task(termination, TASK_DECIDE)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, termination, TASK_DECIDE,
                values(DECISION, Decision.TERMINATE, DECISION_COMMENT, "Agreed, with thanks for past cooperation"));
        assertThat(termination).hasPassed(TERMINATED, TERMINATE).isWaitingAt(NOTIFY);
        driver.run(termination, NOTIFY);
        assertThat(termination).hasPassed(END_TERMINATED).isEnded();

        assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(driver.lastStatusChange(reference).changedBy()).isEqualTo("amina");
        assertThat(driver.lastStatusChange(reference).reason())
                .startsWith("Terminated (PARTNER_CEASED_OPERATIONS, effective " + today + ")")
                .endsWith("Executive Secretary: Agreed, with thanks for past cooperation");
        assertThat(review).isEnded();
        assertThat(suspended).isEnded();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(review.getId())
                .singleResult().getDeleteReason()).isEqualTo("Agreement CMS-AMMPA terminated");
        assertThat(workPlans.get("JWP-CMS-AMMPA-2026").status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(drafting).isEnded();
        assertThat(workPlans.get(drafting.getBusinessKey()).status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(driver.mails(reference, "agreement-terminated")).extracting(Notification::recipientEmail)
                .contains("laura.bennett@ammpa.example.org", "marc@cms.example.org");
    }

    @Test
    void theExecutiveSecretaryMayDeclineATerminationAndOnlyBindingAgreementsCanBeTerminated() {
        ResponseEntity<JsonNode> terminated = post("/api/agreements/CMS-FOC-2010/termination",
                "{\"grounds\": \"OTHER\", \"reason\": \"Already ended in 2013 but asked again\"}");
        assertThat(terminated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(terminated.getBody().get("detail").asText())
                .isEqualTo("CMS-FOC-2010 is TERMINATED: only an agreement in force, dormant or suspended can be terminated");

        post("/api/agreements/CMS-GBIF/termination", "{\"grounds\": \"NOTICE_BY_CMS\", \"reason\": \"No joint activity for ten years\"}");
        ProcessInstance termination = driver.instance(KEY, "CMS-GBIF/termination");
        ResponseEntity<JsonNode> second = post("/api/agreements/CMS-GBIF/termination",
                "{\"grounds\": \"NOTICE_BY_CMS\", \"reason\": \"Asked a second time by another officer\"}");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, termination, TASK_DECIDE,
                values(DECISION, Decision.DECLINE, DECISION_COMMENT, "Let us first try a joint data project"));
        assertThat(termination).hasPassed(END_DECLINED).hasNotPassed(TERMINATED, TERMINATE).isEnded();
        assertThat(agreements.get("CMS-GBIF").status()).isEqualTo(AgreementStatus.DORMANT);
    }

    private ResponseEntity<JsonNode> post(String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("oliver", "oliver").postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
