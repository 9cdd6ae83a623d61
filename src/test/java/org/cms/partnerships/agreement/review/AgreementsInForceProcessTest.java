package org.cms.partnerships.agreement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.renewal.RenewalProcess;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
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
import org.springframework.http.ResponseEntity;

/**
 * Agreements in force: the morning sweep and annual reviews (dormancy and back, escalation, one at a
 * time), with the clock moved by hand across review and due dates.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementsInForceProcessTest {

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

    /** Reviews a test leaves open (a sweep starts every review due) would block the next test's. */
    @AfterEach
    void endOpenReviewsAndResetClock() {
        undo.forEach(Runnable::run);
        undo.clear();
        followUps.batchSize(FollowUps.BATCH_SIZE);
        followUps.shareSize(FollowUps.SHARE_SIZE);
        endRunningReviews();
        driver.resetClock();
    }

    /** What a test changed outside its own reviews (review dates, listeners, renewals it started), undone after it. */
    final List<Runnable> undo = new ArrayList<>();

    /**
     * Every agreement in force or dormant falls due for review on {@code day} (a date no other test uses,
     * so its business keys are this test's own); the register's dates come back after the test.
     */
    List<Agreement> everyReviewDueOn(LocalDate day) {
        for (Agreement agreement : agreements.search(AgreementFilter.all())) {
            if (agreement.status().isActive()) {
                agreements.scheduleNextReview(agreement.reference(), day);
                undo.add(() -> agreements.scheduleNextReview(agreement.reference(), agreement.nextReviewOn()));
            }
        }
        assertThat(runningReviews()).as("no review left under way by another test").isEmpty();
        return agreements.reviewsDueBy(day);
    }

    /**
     * Adds a listener to the deployed review's start event, after {@code reviewStart}, for this test only:
     * what happens while the sweep is in the middle of a batch.
     */
    void whenAReviewStarts(ExecutionListener listener) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ProcessDefinitionEntity definition = configuration.getCommandExecutorTxRequired()
                .execute(commandContext -> configuration.getDeploymentCache().findDeployedLatestProcessDefinitionByKey(KEY));
        ActivityImpl start = definition.findActivity(START);
        start.addListener(ExecutionListener.EVENTNAME_START, listener);
        undo.add(0, () -> start.getListeners(ExecutionListener.EVENTNAME_START).remove(listener));
    }

    static List<String> reviewKeys(List<Agreement> agreements) {
        return agreements.stream().map(a -> businessKey(a.reference(), a.nextReviewOn())).toList();
    }

    long reviewsEverStarted(String businessKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(businessKey).count();
    }

    /** The n-th review date still to come in the register, so the windows hold whatever day the suite runs on. */
    LocalDate reviewDateToCome(int n) {
        return agreements.reviewsDueBy(today.plusYears(1)).stream().map(Agreement::nextReviewOn)
                .filter(date -> date.isAfter(today)).sorted().skip(n - 1).findFirst().orElseThrow();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, SWEEP_KEY);
    }

    @Test
    void theMorningSweepStartsExactlyTheReviewsThatAreDueAndNothingTwice() {
        LocalDate day = reviewDateToCome(1);
        List<String> due = new ArrayList<>();
        for (Agreement agreement : agreements.search(AgreementFilter.all())) {
            if ((agreement.status() == AgreementStatus.IN_FORCE || agreement.status() == AgreementStatus.DORMANT)
                    && agreement.nextReviewOn() != null && !agreement.nextReviewOn().isAfter(day)) {
                due.add(agreement.reference() + "/review/" + agreement.nextReviewOn());
            }
        }
        assertThat(due).as("the demo register has a review falling due within a year").isNotEmpty();
        // A review started for the same agreement and date by an earlier test is never started again.
        due.removeIf(key -> engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(key).count() > 0);

        driver.moveClockTo(day);
        runTheMorningSweep();
        assertThat(runningReviews()).extracting(HistoricProcessInstance::getBusinessKey).containsExactlyInAnyOrderElementsOf(due);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SWEEP_KEY)
                .finished().count()).isGreaterThanOrEqualTo(1);

        assertThat(followUps.startDueReviews(day)).isEmpty();
        ResponseEntity<JsonNode> again = rest.withBasicAuth("oliver", "oliver")
                .postForEntity("/api/follow-ups/sweep", null, JsonNode.class);
        assertThat(again.getBody().get("reviewsStarted")).isEmpty();
        assertThat(runningReviews()).hasSize(due.size());

        endRunningReviews();
    }

    @Test
    void theSweepSkipsAnAgreementWhoseReviewIsAlreadyUnderWayAndStartsTheOthers() {
        LocalDate day = reviewDateToCome(2);
        List<Agreement> dueThen = agreements.reviewsDueBy(day);
        assertThat(dueThen).as("the demo register has at least two reviews falling due within a year").hasSizeGreaterThan(1);
        Agreement underReview = dueThen.get(0);
        String early = followUps.startReviewNow(underReview.reference(), today);

        driver.moveClockTo(day);
        runTheMorningSweep();

        assertThat(runningReviews()).extracting(HistoricProcessInstance::getBusinessKey)
                .contains(early)
                .doesNotContain(businessKey(underReview.reference(), underReview.nextReviewOn()))
                .hasSize(dueThen.size());
        assertThat(runningReviews()).filteredOn(r -> r.getBusinessKey().startsWith(underReview.reference() + "/"))
                .hasSize(1);
        endRunningReviews();
    }

    @Test
    void aSweepOverManyBatchesStartsEachDueReviewExactlyOnce() {
        LocalDate day = today.plusYears(7);
        List<Agreement> due = everyReviewDueOn(day);
        assertThat(due).as("the demo register has agreements in force for several batches").hasSizeGreaterThan(6);
        followUps.batchSize(3);

        assertThat(followUps.startDueReviews(day)).containsExactlyElementsOf(reviewKeys(due));
        assertThat(followUps.startDueReviews(day)).as("a second sweep the same day").isEmpty();

        assertThat(runningReviews()).extracting(HistoricProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrderElementsOf(reviewKeys(due));
        assertThat(reviewKeys(due)).allSatisfy(key -> assertThat(reviewsEverStarted(key)).isEqualTo(1));
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(TASK_REVIEW).count())
                .isEqualTo(due.size());
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().count())
                .as("each review's overdue timer").isEqualTo(due.size());
    }

    @Test
    void anAgreementWhoseReviewIsUnderWayIsSkippedAndTheRestOfItsBatchStarts() {
        LocalDate day = today.plusYears(8);
        List<Agreement> due = everyReviewDueOn(day);
        assertThat(due).hasSizeGreaterThan(7);
        followUps.batchSize(4);
        // Known before the sweep: left out of its batch by the check of the exclusive keys.
        Agreement underReview = due.get(1);
        String early = followUps.startReviewNow(underReview.reference(), today);
        // Not known before: an officer starts this review while the sweep is in the middle of its batch
        // (4 to 7); the batch's start is refused (409), the batch rolls back and starts one by one.
        Agreement raced = due.get(6);
        AtomicBoolean officerStarted = new AtomicBoolean();
        String[] racedKey = new String[1];
        whenAReviewStarts(execution -> {
            if (due.get(5).reference().equals(AgreementVariables.REFERENCE.from(execution)) && officerStarted.compareAndSet(false, true)) {
                racedKey[0] = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequiresNew()
                        .execute(commandContext -> followUps.startReviewNow(raced.reference(), today));
            }
        });

        List<String> started = followUps.startDueReviews(day);

        assertThat(officerStarted).isTrue();
        List<String> expected = new ArrayList<>(reviewKeys(due));
        expected.removeAll(reviewKeys(List.of(underReview, raced)));
        assertThat(started).containsExactlyElementsOf(expected);
        assertThat(runningReviews()).extracting(HistoricProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrderElementsOf(concat(expected, List.of(early, racedKey[0])));
        assertThat(reviewsEverStarted(businessKey(raced.reference(), day))).isZero();
        assertThat(reviewsEverStarted(businessKey(underReview.reference(), day))).isZero();
        assertThat(followUps.startDueReviews(day)).as("the two still under way are skipped again, nothing else starts").isEmpty();
    }

    @Test
    void aTechnicalFailureRollsBackItsBatchAndFailsItsShareOfTheSweepWhichStartsTheRestWhenRetried() {
        LocalDate day = today.plusYears(9);
        List<Agreement> due = everyReviewDueOn(day);
        assertThat(due).hasSizeGreaterThan(12);
        followUps.batchSize(3);
        followUps.shareSize(6);
        // The second of the first batch (6, 7, 8) of the second share (6 to 11) fails: the first of that batch is
        // started by then, in the batch's transaction; the first share (0 to 5) is committed in a job of its own.
        Agreement failing = due.get(7);
        AtomicBoolean broken = new AtomicBoolean(true);
        whenAReviewStarts(execution -> {
            if (broken.get() && failing.reference().equals(AgreementVariables.REFERENCE.from(execution))) {
                throw new IllegalStateException("register unreachable");
            }
        });
        List<String> renewalsBefore = runningRenewalIds();
        undo.add(() -> endRenewalsStartedSince(renewalsBefore));
        driver.moveClockTo(day);
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(SWEEP_KEY).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        engine.getManagementService().executeJob(sweepShare().getId());
        Job second = sweepShare();
        assertThat(second.getId()).as("the next share is a job of its own").isNotNull();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(second.getId())).hasStackTraceContaining("register unreachable");

        List<String> firstShare = reviewKeys(due.subList(0, 6));
        assertThat(runningReviews()).extracting(HistoricProcessInstance::getBusinessKey).containsExactlyInAnyOrderElementsOf(firstShare);
        assertThat(reviewKeys(due.subList(6, due.size()))).as("nothing of the failed batch or after it, not even in the history")
                .allSatisfy(key -> assertThat(reviewsEverStarted(key)).isZero());
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).count()).isEqualTo(firstShare.size());
        Job failed = engine.getManagementService().createJobQuery().jobId(second.getId()).singleResult();
        assertThat(failed.getRetries()).isLessThan(second.getRetries());
        assertThat(failed.getExceptionMessage()).contains("register unreachable");

        // It goes on failing until its retries are used up: an incident for the managers.
        for (int attempt = 0; attempt < 10 && engine.getManagementService().createJobQuery().jobId(second.getId())
                .singleResult().getRetries() > 0; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(second.getId())).hasStackTraceContaining("register unreachable");
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().configuration(second.getId()).count()).isEqualTo(1);
        assertThat(runningReviews()).hasSize(firstShare.size());

        // Repaired and retried from Cockpit: the rest starts, share by share; what was started does not start again.
        broken.set(false);
        engine.getManagementService().setJobRetries(second.getId(), 1);
        for (Job share = sweepShare(); share != null; share = sweepShare()) {
            engine.getManagementService().executeJob(share.getId());
        }

        assertThat(runningReviews()).extracting(HistoricProcessInstance::getBusinessKey).containsExactlyInAnyOrderElementsOf(reviewKeys(due));
        assertThat(reviewKeys(due)).allSatisfy(key -> assertThat(reviewsEverStarted(key)).isEqualTo(1));
        assertThat(engine.getRuntimeService().createIncidentQuery().configuration(second.getId()).count()).isZero();
        HistoricProcessInstance sweepRun = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SWEEP_KEY)
                .orderByProcessInstanceStartTime().desc().list().get(0);
        assertThat(sweepRun.getEndTime()).isNotNull();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(sweepRun.getId())
                .variableName(REVIEWS_STARTED.name()).singleResult().getValue()).isEqualTo(due.size());
    }

    @Test
    void aReviewFindsTheAgreementDormantAndALaterOneFindsActivityAgain() {
        String key = followUps.startReviewNow("CMS-IUCN-2003", today);
        ProcessInstance first = driver.instance(KEY, key);
        assertThat(first).isWaitingAt(TASK_REVIEW);
        assertThat(driver.task(first, TASK_REVIEW)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(driver.task(first, TASK_REVIEW).getName()).isEqualTo("Review the agreement · IUCN · CMS-IUCN-2003");
        assertThat(driver.task(first, TASK_REVIEW).getDueDate()).isNotNull();

        LocalDate nextYear = today.plusYears(1);
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, first, TASK_REVIEW, review(Assessment.DORMANT, "None", nextYear));
        driver.run(first, NOTIFY_PARTNER);
        assertThat(first).hasPassed(BECAME_DORMANT, NOTIFY_PARTNER, END_REVIEWED).hasNotPassed(BACK_IN_FORCE).isEnded();
        assertThat(agreements.get("CMS-IUCN-2003").status()).isEqualTo(AgreementStatus.DORMANT);
        assertThat(agreements.get("CMS-IUCN-2003").nextReviewOn()).isEqualTo(nextYear);
        assertThat(driver.lastStatusChange("CMS-IUCN-2003").reason()).isEqualTo("Annual review: no joint activity in the year");
        assertThat(driver.lastStatusChange("CMS-IUCN-2003").changedBy()).isEqualTo("oliver");

        driver.moveClockTo(nextYear);
        assertThat(followUps.startDueReviews(nextYear)).contains("CMS-IUCN-2003/review/" + nextYear);
        ProcessInstance second = driver.instance(KEY, "CMS-IUCN-2003/review/" + nextYear);
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, second, TASK_REVIEW,
                review(Assessment.ACTIVE, "Joint workshop on climate change and migratory species", nextYear.plusYears(1)));
        driver.run(second, NOTIFY_PARTNER);
        assertThat(second).hasPassed(BACK_IN_FORCE, END_REVIEWED).hasNotPassed(BECAME_DORMANT).isEnded();
        assertThat(agreements.get("CMS-IUCN-2003").status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(driver.lastStatusChange("CMS-IUCN-2003").reason()).isEqualTo("Annual review: joint activity resumed");
        assertThat(driver.mails("CMS-IUCN-2003", "review-notice")).hasSize(2)
                .allSatisfy(n -> assertThat(n.recipientEmail()).isEqualTo("daniel.okafor@iucn.example.org"));
        assertThat(agreements.comments("CMS-IUCN-2003")).extracting(AgreementService.Comment::kind)
                .containsExactly("ANNUAL_REVIEW", "ANNUAL_REVIEW");
    }

    @Test
    void aReviewThatChangesNothingLeavesTheStatusAlone() {
        int historyBefore = agreements.history("CMS-SPREP-2005").size();
        ProcessInstance review = driver.instance(KEY, followUps.startReviewNow("CMS-SPREP-2005", today));
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, review, TASK_REVIEW,
                review(Assessment.ACTIVE, "Joint Pacific cetacean work", today.plusYears(1)));
        driver.run(review, NOTIFY_PARTNER);
        assertThat(review).hasPassed(END_REVIEWED).hasNotPassed(BECAME_DORMANT, BACK_IN_FORCE).isEnded();
        assertThat(agreements.history("CMS-SPREP-2005")).hasSize(historyBefore);
        assertThat(agreements.get("CMS-SPREP-2005").nextReviewOn()).isEqualTo(today.plusYears(1));
    }

    @Test
    void aReviewStillOpenAfterThirtyDaysIsEscalatedToTheManagers() {
        ProcessInstance review = driver.instance(KEY, followUps.startReviewNow("CMS-CIC-2005", today));
        Job overdue = driver.job(review, REVIEW_OVERDUE);
        assertThat(driver.dueDay(overdue)).isEqualTo(today.plusDays(30));
        driver.fireWhenDue(overdue);
        driver.run(review, ESCALATE);
        assertThat(review).hasPassed(REVIEW_OVERDUE, END_ESCALATED).isWaitingAt(TASK_REVIEW);
        assertThat(driver.mails("CMS-CIC-2005", "review-overdue")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("marc@cms.example.org"));
        engine.getRuntimeService().deleteProcessInstance(review.getId(), "test done");
    }

    @Test
    void reviewsThatCannotStandAreRefused() {
        assertThatThrownBy(() -> followUps.startReviewNow("CMS-FOC-2010", today)).isInstanceOf(InvalidInputException.class)
                .hasMessage("CMS-FOC-2010 is TERMINATED: only an agreement in force or dormant is reviewed");
        ProcessInstance open = driver.instance(KEY, followUps.startReviewNow("CMS-SPREP-2005", today));
        long reviewsBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
        assertThat(driver.conflict(() -> followUps.startReviewNow("CMS-SPREP-2005", today.plusDays(1))).getMessage())
                .isEqualTo("Annual review of an agreement: one is already under way for CMS-SPREP-2005");
        ResponseEntity<String> secondOverRest = rest.withBasicAuth("oliver", "oliver")
                .postForEntity("/api/agreements/CMS-SPREP-2005/annual-review", null, String.class);
        assertThat(secondOverRest.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(reviewsBefore);
        InvalidInputException past = driver.refusal(() -> driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, open,
                TASK_REVIEW, review(Assessment.ACTIVE, "Joint Pacific cetacean work", today.minusDays(1))));
        assertThat(past.getMessage()).contains("is not in the future");
        ResponseEntity<String> unknown = rest.withBasicAuth("oliver", "oliver")
                .postForEntity("/api/agreements/CMS-NOBODY/annual-review", null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        engine.getRuntimeService().deleteProcessInstance(open.getId(), "test done");
    }

    /** The timer, then each share of the sweep, a job each, as the job executor would run them. */
    private void runTheMorningSweep() {
        Job sweep = engine.getManagementService().createJobQuery().processDefinitionKey(SWEEP_KEY).timers().singleResult();
        engine.getManagementService().executeJob(sweep.getId());
        for (Job share = sweepShare(); share != null; share = sweepShare()) {
            engine.getManagementService().executeJob(share.getId());
        }
    }

    /** The job of the sweep's next share (an asynchronous continuation), if one is due. */
    private Job sweepShare() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(SWEEP_KEY).messages().singleResult();
    }

    private List<HistoricProcessInstance> runningReviews() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).unfinished().list();
    }

    private List<String> runningRenewalIds() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RenewalProcess.KEY).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    /** The renewals a sweep far in the future started (their terms end by then) would block other tests' renewals. */
    private void endRenewalsStartedSince(List<String> before) {
        runningRenewalIds().stream().filter(id -> !before.contains(id))
                .forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test done"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void endRunningReviews() {
        runningReviews().forEach(r -> engine.getRuntimeService().deleteProcessInstance(r.getId(), "test done"));
    }

    private static Map<String, Object> review(Assessment assessment, String activities, LocalDate next) {
        return values(ASSESSMENT, assessment, ACTIVITIES, activities, NEXT_REVIEW_ON, next, CONTACTS_CURRENT, true);
    }
}
