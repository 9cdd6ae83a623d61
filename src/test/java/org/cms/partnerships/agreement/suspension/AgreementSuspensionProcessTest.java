package org.cms.partnerships.agreement.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.suspension.SuspensionProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.support.ProcessDriver;
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

/** Every path of agreement-suspension, the checks at its start, and its forms in Tasklist. */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementSuspensionProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired SuspensionProcess suspension;
    @Autowired AgreementService agreements;
    @Autowired WorkPlanService workPlans;
    @Autowired PartnerService partners;
    @Autowired TestRestTemplate rest;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    private ProcessInstance request(String reference, String grounds, String reason) {
        return driver.instance(KEY, suspension.requestSuspension(reference, grounds, reason));
    }

    @Test
    void executiveSecretaryDecliningLeavesTheAgreementInForce() {
        int historyBefore = agreements.history("CMS-SPREP-2005").size();
        ProcessInstance instance = request("CMS-SPREP-2005", "PARTNER_REVIEW",
                "SPREP reviews all its cooperation arrangements this year");

        assertThat(instance).isWaitingAt(TASK_DECIDE).hasBusinessKey("CMS-SPREP-2005");
        var task = driver.task(instance, TASK_DECIDE);
        assertThat(task).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(task.getName()).isEqualTo("Decide on suspension · SPREP · CMS-SPREP-2005");

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_DECIDE,
                values(EXECUTIVE_DECISION, Decision.DECLINE, EXECUTIVE_COMMENT, "Cooperation continues during the review"));

        assertThat(instance).hasPassed(END_DECLINED).hasNotPassed(SUSPENDED, STOP_WORK_PLANS).isEnded();
        assertThat(agreements.get("CMS-SPREP-2005").status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(agreements.history("CMS-SPREP-2005")).hasSize(historyBefore);
    }

    @Test
    void suspendedAgreementIsReinstatedWithBothStepsInItsHistoryAndItsWorkPlanStopped() {
        workPlans.create(new WorkPlanService.NewWorkPlan("JWP-WHMSI-2026", partners.getByAcronym("WHMSI").id(),
                agreements.get("CMS-WHMSI-2008").id(), "CMS-WHMSI species work plan", 2026, 2027,
                WorkPlanStatus.IN_IMPLEMENTATION, null));
        ProcessInstance instance = request("CMS-WHMSI-2008", "DISPUTE", "Disagreement over the secretariat role for WHMSI");

        InvalidInputException noComment = driver.refusal(() -> driver.complete("amina", Groups.EXECUTIVE_SECRETARY,
                instance, TASK_DECIDE, values(EXECUTIVE_DECISION, Decision.SUSPEND)));
        assertThat(noComment.getMessage()).contains("The comment on the decision is required");
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_DECIDE,
                values(EXECUTIVE_DECISION, Decision.SUSPEND, EXECUTIVE_COMMENT, "Suspend until the Steering Committee meets"));
        assertThat(instance).hasPassed(SUSPENDED, STOP_WORK_PLANS).isWaitingAt(TASK_REINSTATE);
        assertThat(driver.task(instance, TASK_REINSTATE)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(agreements.get("CMS-WHMSI-2008").status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(workPlans.get("JWP-WHMSI-2026").status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(workPlans.comments("JWP-WHMSI-2026")).extracting(WorkPlanService.Comment::author, WorkPlanService.Comment::text)
                .containsExactly(Tuple.tuple("amina", "Agreement CMS-WHMSI-2008 suspended (DISPUTE)"));

        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_REINSTATE,
                values(REINSTATEMENT_REASON, "Settled at the Steering Committee meeting"));

        assertThat(instance).hasPassedInOrder(TASK_DECIDE, SUSPENDED, STOP_WORK_PLANS, TASK_REINSTATE, END_REINSTATED)
                .isEnded();
        assertThat(agreements.get("CMS-WHMSI-2008").status()).isEqualTo(AgreementStatus.IN_FORCE);
        List<StatusChange> history = agreements.history("CMS-WHMSI-2008");
        StatusChange suspended = history.get(history.size() - 2);
        StatusChange reinstated = history.get(history.size() - 1);
        assertThat(suspended.toStatus()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(suspended.changedBy()).isEqualTo("amina");
        assertThat(suspended.reason()).contains("DISPUTE", "Disagreement over the secretariat role",
                "Suspend until the Steering Committee meets");
        assertThat(reinstated.fromStatus()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(reinstated.toStatus()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(reinstated.changedBy()).isEqualTo("oliver");
        assertThat(reinstated.reason()).isEqualTo("Reinstated: Settled at the Steering Committee meeting");
    }

    @Test
    void requestsThatCannotStandAreRefusedWithEveryProblemAndNothingIsWritten() {
        assertThatThrownBy(() -> suspension.requestSuspension("CMS-NOBODY-1999", "STRIKE", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No agreement with reference CMS-NOBODY-1999")
                .hasMessageContaining("Grounds must be one of [DISPUTE, PARTNER_REVIEW, OTHER]")
                .hasMessageContaining("Give the reason for the suspension");
        int historyBefore = agreements.history("CMS-RAMSAR-1997").size();
        assertThatThrownBy(() -> suspension.requestSuspension("CMS-RAMSAR-1997", "DISPUTE", "An old dispute resurfaces"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Agreement CMS-RAMSAR-1997 is SUPERSEDED; only an agreement in force or dormant can be suspended");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("CMS-NOBODY-1999").count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("CMS-RAMSAR-1997").count()).isZero();
        assertThat(agreements.history("CMS-RAMSAR-1997")).hasSize(historyBefore);
    }

    @Test
    void aSecondRequestForTheSameAgreementIsRefusedByTheDatabaseAndNothingIsWritten() {
        ProcessInstance first = request("cms-cic-2005", "OTHER", "Change of CIC leadership pending");
        assertThat(driver.businessKey(first)).isEqualTo("CMS-CIC-2005");
        long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

        var conflict = driver.conflict(() -> suspension.requestSuspension("CMS-CIC-2005", "OTHER", "Second request for the same reason"));
        assertThat(conflict.getMessage()).isEqualTo("Suspension of an agreement: one is already under way for CMS-CIC-2005");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);
        ResponseEntity<JsonNode> overRest = rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/api/agreements/CMS-CIC-2005/suspension",
                new HttpEntity<>("{\"grounds\":\"OTHER\",\"reason\":\"Second request over REST\"}", json()), JsonNode.class);
        assertThat(overRest.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, first, TASK_DECIDE,
                values(EXECUTIVE_DECISION, Decision.DECLINE, EXECUTIVE_COMMENT, "Not needed"));
        assertThat(first).isEnded();
    }

    @Test
    void restRequestWithBadInputGetsA400WithTheProblems() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/api/agreements/CMS-FOC-2010/suspension",
                new HttpEntity<>("{\"grounds\":\"DISPUTE\",\"reason\":\"short\"}", json()), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
                "Agreement CMS-FOC-2010 is TERMINATED; only an agreement in force or dormant can be suspended",
                "Give the reason for the suspension (at least 10 characters)");
    }

    @Test
    void theTasklistStartFormPathRefusesBadInputWithA400() {
        String submit = """
                {"variables": {"%s": {"value": "CMS-WAZA-2006", "type": "String"},
                               "%s": {"value": "DISPUTE", "type": "String"},
                               "%s": {"value": "Dispute over the use of the logo", "type": "String"}}}"""
                .formatted(AgreementVariables.REFERENCE.name(), GROUNDS.name(), REASON.name());
        ResponseEntity<JsonNode> response = rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/engine-rest/process-definition/key/agreement-suspension/submit-form",
                new HttpEntity<>(submit, json()), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").asText()).contains("Agreement CMS-WAZA-2006 is SUPERSEDED");
    }

    @Test
    void restRequestStartsTheProcessAndTheFormsResolveInTasklist() {
        ResponseEntity<JsonNode> started = rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/api/agreements/CMS-BLI-2004/suspension",
                new HttpEntity<>("{\"grounds\":\"PARTNER_REVIEW\",\"reason\":\"BirdLife Council reviews partnerships\"}", json()),
                JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("businessKey").asText()).isEqualTo("CMS-BLI-2004");
        ProcessInstance instance = driver.instance(KEY, "CMS-BLI-2004");

        String startForm = rest.withBasicAuth("oliver", "oliver")
                .getForObject("/engine-rest/process-definition/key/agreement-suspension/deployed-start-form", String.class);
        assertThat(startForm).contains("\"id\": \"form_requestSuspension\"");

        String taskId = rest.withBasicAuth("amina", "amina")
                .getForObject("/engine-rest/task?processInstanceId=" + instance.getId(), JsonNode.class).get(0).get("id").asText();
        ResponseEntity<String> taskForm = rest.withBasicAuth("amina", "amina")
                .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
        assertThat(taskForm.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(taskForm.getBody()).contains("\"id\": \"form_decideSuspension\"");

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_DECIDE,
                values(EXECUTIVE_DECISION, Decision.DECLINE, EXECUTIVE_COMMENT, "Continue during the review"));
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
