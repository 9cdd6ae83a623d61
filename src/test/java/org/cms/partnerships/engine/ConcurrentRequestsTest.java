package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.review.AnnualReviewProcess;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What two users (or two nodes) doing the same thing at the same moment get: one of them wins, the
 * others a 409 (or 404 for a task that is gone) with a plain message, never a server error, and the
 * effect happens exactly once. Ten requests are released together from ten threads against the running
 * application; {@code tools/two-node-race.sh} does the same against two real nodes on PostgreSQL.
 */
@CmsIntegrationTest
class ConcurrentRequestsTest {

    static final int CALLERS = 10;

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired ProcessDriver driver;

    static ExecutorService pool;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void tenCompletionsOfOneTaskAtOnceCompleteItOnceAndTheOthersAreToldItIsGone() throws Exception {
        String reference = proposeLetterOfCooperation("RACE" + System.nanoTime() % 100000);
        ProcessInstance proposal = driver.instance(AgreementProcess.KEY, reference);
        Task draft = driver.task(proposal, AgreementProcess.TASK_DRAFT);
        AgreementStatus before = agreements.get(reference).status();
        String form = """
                {"variables": {"%s": {"value": "SUBMITTED"}, "%s": {"value": "https://docs.cms.int/drafts/race"},
                               "%s": {"value": "v1"}, "%s": {"value": "Cooperation on migratory species of common concern"}}}"""
                .formatted(AgreementProcess.DRAFT_ACTION.name(), AgreementProcess.DRAFT_URL.name(),
                        AgreementProcess.DRAFT_VERSION.name(), AgreementProcess.TERMS_SUMMARY.name());

        List<ResponseEntity<String>> answers = race(i -> () -> rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/engine-rest/task/{id}/complete", json(form), String.class, draft.getId()));

        assertNoServerError(answers);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 204).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 204)
                .allSatisfy(a -> assertThat(a.getStatusCode().value()).isIn(404, 409))
                .allSatisfy(a -> assertThat(a.getBody()).doesNotContain("ENGINE-", "Exception:", draft.getId()));
        List<StatusChange> moves = agreements.history(reference).stream()
                .filter(change -> change.fromStatus() == before).toList();
        assertThat(moves).as("the draft moved the agreement on once").hasSize(1);
    }

    @Test
    void tenReviewNowRequestsInAnyLetterCaseStartOneReview() throws Exception {
        Agreement agreement = agreements.search(new AgreementFilter(AgreementStatus.IN_FORCE, null, null, null, null))
                .stream().filter(a -> engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey(AnnualReviewProcess.KEY)
                        .variableValueEquals(AgreementVariables.REFERENCE.name(), a.reference()).count() == 0)
                .findFirst().orElseThrow();
        String reference = agreement.reference();

        List<ResponseEntity<String>> answers = race(i -> () -> rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/api/agreements/{reference}/annual-review", null, String.class,
                i % 2 == 0 ? reference : reference.toLowerCase(Locale.ROOT)));

        assertNoServerError(answers);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 201)
                .allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(409))
                .allSatisfy(a -> assertThat(a.getBody()).contains("already under way").doesNotContain("ENGINE-"));
        List<ProcessInstance> running = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(AnnualReviewProcess.KEY)
                .variableValueEquals(AgreementVariables.REFERENCE.name(), reference).list();
        assertThat(running).hasSize(1);
        engine.getRuntimeService().deleteProcessInstance(running.get(0).getId(), "race test done");
    }

    @Test
    void tenProposalsWithTheSameNewPartnerAtOnceRegisterThePartnerOnce() throws Exception {
        String acronym = "TWIN" + System.nanoTime() % 100000;
        String proposal = """
                {"%s": "NEW", "%s": "%s", "%s": "Twin Wetlands Initiative", "%s": "NGO",
                 "%s": "LETTER_OF_COOPERATION", "%s": "Letter of cooperation on wetland monitoring", "%s": "%s"}"""
                .formatted(AgreementProcess.PARTNER_CHOICE.name(), AgreementVariables.ACRONYM.name(), acronym,
                        AgreementProcess.NEW_PARTNER_NAME.name(), AgreementProcess.NEW_PARTNER_CATEGORY.name(),
                        AgreementProcess.INSTRUMENT_TYPE.name(), AgreementVariables.TITLE.name(),
                        AgreementProcess.TERM_START.name(), RegisterClock.today());

        List<ResponseEntity<String>> answers = race(i -> () -> rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/api/agreements", json(proposal), String.class));

        assertNoServerError(answers);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 201)
                .allSatisfy(a -> assertThat(a.getStatusCode().value()).isIn(400, 409))
                .allSatisfy(a -> assertThat(a.getBody()).contains(acronym).doesNotContain("ENGINE-", "SQL"));
        assertThat(partners.search(null, null, acronym)).hasSize(1);
        assertThat(agreements.search(new AgreementFilter(null, null, null, acronym, null))).hasSize(1);
    }

    /**
     * On PostgreSQL a loser may read the task before the winner's commit and its per-task grant after it,
     * which the engine reports as 403; the task is gone, so the answer is 404 (tools/two-node-race.sh).
     */
    @Test
    void aGrantThatLeftWithItsCompletedTaskReadsAsATaskThatIsGone() {
        var gone = RefusalMapper.taskGone(new org.camunda.bpm.engine.AuthorizationException(
                "oliver", "TASK_WORK", "Task", "completed-meanwhile"));
        assertThat(gone).hasValueSatisfying(response -> assertThat(response.getStatus()).isEqualTo(404));

        String reference = proposeLetterOfCooperation("GRANT" + System.nanoTime() % 100000);
        Task open = driver.task(driver.instance(AgreementProcess.KEY, reference), AgreementProcess.TASK_DRAFT);
        assertThat(RefusalMapper.taskGone(new org.camunda.bpm.engine.AuthorizationException(
                "aewa", "TASK_WORK", "Task", open.getId()))).as("a task that is there stays a 403").isEmpty();
    }

    @Test
    void aReferenceTypedInLowerCaseOrWithBlanksNamesTheSameRecordOnEveryEndpoint() {
        var officer = rest.withBasicAuth("oliver", "oliver");
        assertThat(officer.getForEntity("/api/agreements/{r}", String.class, " cms-noaa-2013 ").getBody())
                .contains("\"reference\":\"CMS-NOAA-2013\"");
        assertThat(officer.getForEntity("/api/work-plans/{r}", String.class, "jwp-cms-cites-2012-2014").getStatusCode().value())
                .isEqualTo(200);
        assertThat(officer.getForEntity("/api/agreements/{r}/amendments", String.class, "cms-noaa-2013").getStatusCode().value())
                .isEqualTo(200);
    }

    private String proposeLetterOfCooperation(String acronym) {
        return driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(
                ProcessValues.of(AgreementProcess.PARTNER_CHOICE, AgreementProcess.PartnerChoice.NEW)
                        .and(AgreementVariables.ACRONYM, acronym)
                        .and(AgreementProcess.NEW_PARTNER_NAME, "Race Conditions Trust")
                        .and(AgreementProcess.NEW_PARTNER_CATEGORY, PartnerCategory.MEA)
                        .and(AgreementProcess.INSTRUMENT_TYPE, InstrumentType.LETTER_OF_COOPERATION)
                        .and(AgreementVariables.TITLE, "Letter of cooperation on data sharing")
                        .and(AgreementProcess.TERM_START, RegisterClock.today()).asMap()));
    }

    /** Runs {@link #CALLERS} calls released at the same instant; their answers in order. */
    private List<ResponseEntity<String>> race(IntFunction<Callable<ResponseEntity<String>>> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Callable<ResponseEntity<String>> one = call.apply(i);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return one.call();
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static void assertNoServerError(List<ResponseEntity<String>> answers) {
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().is5xxServerError())
                .as("%s %s", a.getStatusCode(), a.getBody()).isFalse());
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
