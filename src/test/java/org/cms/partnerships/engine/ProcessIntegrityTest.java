package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.cms.partnerships.agreement.AgreementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.LostRace;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process works on the records it started with, whatever a form or REST client sends, and one
 * business key runs once: the defects found by probing task completion with extra variables.
 */
@CmsIntegrationTest
class ProcessIntegrityTest {

    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired AgreementService agreements;
    @Autowired ProcessDriver driver;
    @Autowired RunningProcesses runningProcesses;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    @Test
    void completingOneAgreementsTaskWithAnotherAgreementsReferenceIsRefusedAndWritesNothing() {
        String a = propose("WDC", "Letter of cooperation on whale-watching guidelines");
        String b = propose("WCS", "Letter of cooperation on wildlife health in migratory ungulates");
        Task draftOfB = driver.task(instance(b), TASK_DRAFT);
        List<?> historyOfA = agreements.history(a);

        InvalidInputException refusal = driver.refusal(() -> driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, draftOfB,
                Map.of(AgreementVariables.REFERENCE.name(), a, DRAFT_ACTION.name(), DraftAction.WITHDRAWN.name(),
                        WITHDRAWAL_REASON.name(), "Redirected withdrawal attempt")));

        assertThat(refusal).hasMessage("agreementReference is set when the process starts and cannot be changed (it is %s)", b);

        assertThat(agreements.history(a)).isEqualTo(historyOfA);
        assertThat(agreements.get(a).status()).isEqualTo(AgreementStatus.DRAFTING);
        assertThat(agreements.get(b).status()).isEqualTo(AgreementStatus.DRAFTING);
        assertThat(engine.getTaskService().createTaskQuery().taskId(draftOfB.getId()).singleResult()).isNotNull();
    }

    @Test
    void aTaskCompletedMeanwhileIsALostRaceAndTheProcessIsNotWalkedOnFromTheNextTask() {
        String reference = propose("FZS", "Letter of cooperation on steppe migrations");
        Task draft = driver.task(instance(reference), TASK_DRAFT);
        Map<String, Object> form = Map.of(DRAFT_ACTION.name(), DraftAction.SUBMITTED.name(),
                DRAFT_URL.name(), "https://docs.cms.int/drafts/fzs-v1", DRAFT_VERSION.name(), "v1",
                TERMS_SUMMARY.name(), "Cooperation on steppe migrations");
        var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();

        // The loser reads the task, the winner completes it and commits, then the loser reads the task's
        // execution (now at the next task) and completes the task it read.
        Throwable lost = catchThrowable(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
            context.getTaskManager().findTaskById(draft.getId());
            configuration.getCommandExecutorTxRequiresNew().execute(new CompleteTaskCmd(draft.getId(), form));
            return new CompleteTaskCmd(draft.getId(), form).execute(context);
        }));

        assertThat(lost).hasRootCauseInstanceOf(OptimisticLockingException.class).hasMessageContaining("was completed meanwhile");
        assertThat(LostRace.refusalFor(lost)).get().isInstanceOf(ConflictException.class);
        assertThat(agreements.history(reference)).filteredOn(change -> change.fromStatus() == AgreementStatus.DRAFTING)
                .as("the draft moved the agreement on once").hasSize(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance(reference).getId()).count())
                .as("one task waits, the winner's next").isEqualTo(1);
    }

    @Test
    void aSupersededAgreementCannotBeAddedToAProposalAfterItStarted() {
        String reference = propose("WI", "Letter of cooperation on flyway site networks");
        Task draft = driver.task(instance(reference), TASK_DRAFT);

        ResponseEntity<JsonNode> answer = rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/engine-rest/task/{id}/complete", json("""
                        {"variables": {"%s": {"value": "CMS-CITES-2002", "type": "String"}}}""".formatted(SUPERSEDES.name())),
                JsonNode.class, draft.getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("message").asText())
                .isEqualTo("supersedesReference is set when the process starts and cannot be changed (it is not set)");
        assertThat(agreements.get("CMS-CITES-2002").status()).isNotEqualTo(AgreementStatus.SUPERSEDED);
        assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.DRAFTING);
    }

    @Test
    void aSecondInstanceForTheSameBusinessKeyIsRefusedWhateverTheLetterCaseUntilTheFirstEnds() {
        deploy(Bpmn.createExecutableProcess("integrity-probe").name("Integrity probe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("userTask_wait").endEvent().done());
        ProcessInstance first = engine.getRuntimeService().startProcessInstanceByKey("integrity-probe", "CMS-WCS-2007/probe");
        assertThat(runningProcesses.isRunning("integrity-probe", "cms-wcs-2007/probe")).isTrue();

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("integrity-probe", "cms-wcs-2007/probe"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Integrity probe: one is already under way for cms-wcs-2007/probe");

        engine.getRuntimeService().deleteProcessInstance(first.getId(), "test over", true, true);
        assertThat(runningProcesses.isRunning("integrity-probe", "CMS-WCS-2007/probe"))
                .as("a cancelled instance, even with custom listeners skipped, frees its key").isFalse();
        ProcessInstance again = engine.getRuntimeService().startProcessInstanceByKey("integrity-probe", "CMS-WCS-2007/probe");
        engine.getTaskService().complete(driver.task(again, "userTask_wait").getId());
        assertThat(runningProcesses.isRunning("integrity-probe", "CMS-WCS-2007/probe")).as("an ended instance frees its key").isFalse();
    }

    @Test
    void aKeyHeldByARowWhoseInstanceNoLongerRunsIsFreedAtTheNextStart() {
        deploy(Bpmn.createExecutableProcess("integrity-stale-probe").name("Stale probe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("userTask_wait").endEvent().done());
        // As a cancellation in Cockpit with listeners skipped leaves it: the row, and no instance.
        jdbc.sql("""
                INSERT INTO running_process (process_instance_id, process_key, business_key, exclusive_key,
                    sealed_identity, started_at) VALUES ('no-such-instance', 'integrity-stale-probe', 'CMS-WDC-2010/probe',
                    'integrity-stale-probe|CMS-WDC-2010/PROBE', '{}', CURRENT_TIMESTAMP)""").update();
        assertThat(runningProcesses.isRunning("integrity-stale-probe", "CMS-WDC-2010/probe")).isTrue();

        ProcessInstance started = engine.getRuntimeService().startProcessInstanceByKey("integrity-stale-probe", "CMS-WDC-2010/probe");

        assertThat(jdbc.sql("SELECT process_instance_id FROM running_process WHERE exclusive_key = ?")
                .param("integrity-stale-probe|CMS-WDC-2010/PROBE").query(String.class).list())
                .as("the stale row released, the new instance holding the key").containsExactly(started.getId());
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("integrity-stale-probe", "CMS-WDC-2010/probe"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Stale probe: one is already under way for CMS-WDC-2010/probe");
        engine.getRuntimeService().deleteProcessInstance(started.getId(), "test over", true, true);
    }

    @Test
    void theExclusiveKeyOfAProcessCanBeOtherThanItsBusinessKey() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("integrity-review-probe").name("Review probe")
                .camundaHistoryTimeToLive(1).startEvent().userTask("userTask_wait").endEvent().done();
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty exclusiveKey = model.newInstance(CamundaProperty.class);
        exclusiveKey.setCamundaName(ProcessIntegrityPlugin.EXCLUSIVE_KEY_PROPERTY);
        exclusiveKey.setCamundaValue("${" + AgreementVariables.REFERENCE.name() + "}");
        properties.getCamundaProperties().add(exclusiveKey);
        model.<Process>getModelElementById("integrity-review-probe").builder().addExtensionElement(properties);
        deploy(model);
        engine.getRuntimeService().startProcessInstanceByKey("integrity-review-probe", "CMS-WCS-2007/review/2026-01-01",
                Map.of(AgreementVariables.REFERENCE.name(), "CMS-WCS-2007"));

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("integrity-review-probe",
                "CMS-WCS-2007/review/2026-02-01", Map.of(AgreementVariables.REFERENCE.name(), "CMS-WCS-2007")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Review probe: one is already under way for CMS-WCS-2007");
        engine.getRuntimeService().startProcessInstanceByKey("integrity-review-probe", "CMS-BLI-2001/review/2026-02-01",
                Map.of(AgreementVariables.REFERENCE.name(), "CMS-BLI-2001"));
    }

    private void deploy(BpmnModelInstance model) {
        engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn", model).deploy();
    }

    private String propose(String partner, String title) {
        return driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(Map.of(
                PARTNER_CHOICE.name(), PartnerChoice.EXISTING.name(), AgreementVariables.ACRONYM.name(), partner,
                INSTRUMENT_TYPE.name(), InstrumentType.LETTER_OF_COOPERATION.name(), AgreementVariables.TITLE.name(), title,
                TERM_START.name(), RegisterClock.today().toString())));
    }

    private ProcessInstance instance(String reference) {
        return driver.instance(KEY, reference);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
