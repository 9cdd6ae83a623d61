package org.cms.partnerships.agreement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.agreement.suspension.SuspensionProcess;
import org.cms.partnerships.agreement.termination.TerminationProcess;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/**
 * Agreements in force: the morning sweep, annual reviews (dormancy and back, escalation) and
 * termination with its cascade, with the clock moved by hand across review and due dates.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementsInForceProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired FollowUps followUps;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired WorkPlanService workPlans;
    @Autowired SuspensionProcess suspension;
    @Autowired NotificationLog notificationLog;
    @Autowired TestRestTemplate rest;

    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, SWEEP_KEY);
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, TerminationProcess.KEY);
    }

    @Test
    void theMorningSweepStartsExactlyTheReviewsThatAreDueAndNothingTwice() {
        LocalDate day = today.plusDays(60);
        List<String> due = new ArrayList<>();
        for (JsonNode agreement : get("/api/agreements")) {
            String status = agreement.path("status").asText();
            String next = agreement.path("nextReviewOn").asText("");
            if ((status.equals("IN_FORCE") || status.equals("DORMANT")) && !next.isEmpty()
                    && !LocalDate.parse(next).isAfter(day)) {
                due.add(agreement.get("reference").asText() + "/review/" + next);
            }
        }
        assertThat(due).as("the demo register has reviews falling due in 60 days").isNotEmpty();

        moveClockTo(day);
        Job sweep = engine.getManagementService().createJobQuery().processDefinitionKey(SWEEP_KEY).timers().singleResult();
        execute(sweep);
        List<HistoricProcessInstance> reviews = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY).unfinished().list();
        assertThat(reviews).extracting(HistoricProcessInstance::getBusinessKey).containsExactlyInAnyOrderElementsOf(due);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SWEEP_KEY)
                .finished().count()).isGreaterThanOrEqualTo(1);

        assertThat(followUps.startDueReviews(day)).isEmpty();
        ResponseEntity<JsonNode> again = rest.withBasicAuth("oliver", "oliver")
                .postForEntity("/api/follow-ups/sweep", null, JsonNode.class);
        assertThat(again.getBody().get("reviewsStarted")).isEmpty();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .unfinished().count()).isEqualTo(due.size());

        reviews.forEach(r -> engine.getRuntimeService().deleteProcessInstance(r.getId(), "test done"));
    }

    @Test
    void aReviewFindsTheAgreementDormantAndALaterOneFindsActivityAgain() {
        String key = followUps.startReviewNow("CMS-IUCN-2003", today);
        ProcessInstance first = instance(key);
        assertThat(first).isWaitingAt(TASK_REVIEW);
        assertThat(task(first)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(task(first).getName()).isEqualTo("Review the agreement · IUCN · CMS-IUCN-2003");
        assertThat(task(first).getDueDate()).isNotNull();

        LocalDate nextYear = today.plusYears(1);
        complete(task(first), review("DORMANT", "None", nextYear));
        execute(job(first));
        assertThat(first).hasPassed(RECORD_REVIEW, NOTIFY_PARTNER, END_REVIEWED).isEnded();
        assertThat(agreements.get("CMS-IUCN-2003").status()).isEqualTo(AgreementStatus.DORMANT);
        assertThat(agreements.get("CMS-IUCN-2003").nextReviewOn()).isEqualTo(nextYear);
        assertThat(last("CMS-IUCN-2003").reason()).isEqualTo("Annual review: no joint activity in the year");

        moveClockTo(nextYear);
        assertThat(followUps.startDueReviews(nextYear)).contains("CMS-IUCN-2003/review/" + nextYear);
        ProcessInstance second = instance("CMS-IUCN-2003/review/" + nextYear);
        complete(task(second), review("ACTIVE", "Joint workshop on climate change and migratory species", nextYear.plusYears(1)));
        execute(job(second));
        assertThat(agreements.get("CMS-IUCN-2003").status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(last("CMS-IUCN-2003").reason()).isEqualTo("Annual review: joint activity resumed");
        assertThat(notificationLog.search("CMS-IUCN-2003", null, "review-notice", 10)).hasSize(2)
                .allSatisfy(n -> assertThat(n.recipientEmail()).isEqualTo("daniel.okafor@iucn.example.org"));
        assertThat(agreements.comments("CMS-IUCN-2003")).extracting(AgreementService.Comment::kind)
                .containsExactly("ANNUAL_REVIEW", "ANNUAL_REVIEW");
    }

    @Test
    void aReviewStillOpenAfterThirtyDaysIsEscalatedToTheManagers() {
        ProcessInstance review = instance(followUps.startReviewNow("CMS-CIC-2005", today));
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(review.getId()).timers().singleResult();
        assertThat(LocalDate.ofInstant(overdue.getDuedate().toInstant(), ZoneId.of("Europe/Berlin"))).isEqualTo(today.plusDays(30));
        moveClockTo(today.plusDays(31));
        execute(overdue);
        execute(engine.getManagementService().createJobQuery().processInstanceId(review.getId()).activityId(ESCALATE).singleResult());
        assertThat(review).hasPassed(REVIEW_OVERDUE, END_ESCALATED).isWaitingAt(TASK_REVIEW);
        assertThat(notificationLog.search("CMS-CIC-2005", null, "review-overdue", 10)).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("marc@cms.example.org"));
        engine.getRuntimeService().deleteProcessInstance(review.getId(), "test done");
    }

    @Test
    void reviewsThatCannotStandAreRefused() {
        assertThatThrownBy(() -> followUps.startReviewNow("CMS-FOC-2010", today)).isInstanceOf(InvalidInputException.class)
                .hasMessage("CMS-FOC-2010 is TERMINATED: only an agreement in force or dormant is reviewed");
        ProcessInstance open = instance(followUps.startReviewNow("CMS-SPREP-2005", today));
        assertThatThrownBy(() -> followUps.startReviewNow("CMS-SPREP-2005", today.plusDays(1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("A review of CMS-SPREP-2005 is already under way");
        assertThatThrownBy(() -> complete(task(open), review("ACTIVE", "Joint Pacific cetacean work", today.minusDays(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not in the future");
        ResponseEntity<String> unknown = rest.withBasicAuth("oliver", "oliver")
                .postForEntity("/api/agreements/CMS-NOBODY/annual-review", null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        engine.getRuntimeService().deleteProcessInstance(open.getId(), "test done");
    }

    @Test
    void terminationEndsTheOpenReviewAndSuspensionAndStopsTheJointWorkPlan() {
        String reference = "CMS-AMMPA";
        ProcessInstance drafting = engine.getRuntimeService().startProcessInstanceByKey(WorkPlanProcess.KEY, Map.of(
                WorkPlanProcess.AGREEMENT_REFERENCE, reference, WorkPlanProcess.TITLE, "CMS-AMMPA education plan",
                WorkPlanProcess.PERIOD_START, today.getYear() + 1, WorkPlanProcess.PERIOD_END, today.getYear() + 2,
                WorkPlanProcess.THEMES, "A: Education"));
        ProcessInstance review = instance(followUps.startReviewNow(reference, today));
        ProcessInstance suspended = suspension.request(reference, "PARTNER_REVIEW", "AMMPA reviews its international work");
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
        ProcessInstance termination = instance(reference + "/termination");
        assertThat(task(termination)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);

        engine.getIdentityService().setAuthentication("amina", List.of(Groups.EXECUTIVE_SECRETARY));
        try {
            complete(task(termination), Map.of(TerminationProcess.DECISION, "TERMINATE",
                    TerminationProcess.DECISION_COMMENT, "Agreed, with thanks for past cooperation"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(termination).hasPassed(TerminationProcess.TERMINATE).isWaitingAt(TerminationProcess.NOTIFY);
        execute(job(termination));
        assertThat(termination).hasPassed(TerminationProcess.END_TERMINATED).isEnded();

        assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(last(reference).changedBy()).isEqualTo("amina");
        assertThat(last(reference).reason()).startsWith("Terminated (PARTNER_CEASED_OPERATIONS, effective " + today + ")");
        assertThat(review).isEnded();
        assertThat(suspended).isEnded();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(review.getId())
                .singleResult().getDeleteReason()).isEqualTo("Agreement CMS-AMMPA terminated");
        assertThat(workPlans.get("JWP-CMS-AMMPA-2026").status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(drafting).isEnded();
        assertThat(workPlans.get(drafting.getBusinessKey()).status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(notificationLog.search(reference, null, "agreement-terminated", 10)).extracting(Notification::recipientEmail)
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
        ProcessInstance termination = instance("CMS-GBIF/termination");
        complete(task(termination), Map.of(TerminationProcess.DECISION, "DECLINE",
                TerminationProcess.DECISION_COMMENT, "Let us first try a joint data project"));
        assertThat(termination).hasPassed(TerminationProcess.END_DECLINED).isEnded();
        assertThat(agreements.get("CMS-GBIF").status()).isEqualTo(AgreementStatus.DORMANT);
    }

    private ProcessInstance instance(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private Job job(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    }

    private static Map<String, Object> review(String assessment, String activities, LocalDate next) {
        return Map.of(ASSESSMENT, assessment, ACTIVITIES, activities, NEXT_REVIEW_ON, next.toString(), CONTACTS_CURRENT, true);
    }

    private StatusChange last(String reference) {
        List<StatusChange> history = agreements.history(reference);
        return history.get(history.size() - 1);
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(RegisterClock.at(day, LocalTime.of(9, 30)));
    }

    private Iterable<JsonNode> get(String url) {
        return rest.withBasicAuth("oliver", "oliver").getForObject(url, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("oliver", "oliver").postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
