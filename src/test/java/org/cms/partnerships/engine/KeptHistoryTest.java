package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.pages.EngineWork;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
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
 * What the tuned history ({@link KeptHistoryPlugin}) still records for a proposal worked on as in Tasklist
 * (claimed, commented on, completed through the form), and the two kinds of rows it leaves out.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptHistoryTest {

    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired ProcessDriver driver;
    @Autowired EngineWork engineWork;
    @Autowired TestRestTemplate rest;

    HistoryService history;
    String reference;
    ProcessInstance proposal;
    Task draft;

    /**
     * Once for the class (before its first test: the coverage listener needs a test running): a proposal whose
     * draft oliver claims, comments on and submits as Tasklist does.
     */
    @BeforeEach
    void workOnADraftAsInTasklist() {
        if (reference != null) {
            return;
        }
        history = engine.getHistoryService();
        reference = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(Map.of(
                PARTNER_CHOICE.name(), PartnerChoice.NEW.name(), AgreementVariables.ACRONYM.name(), "KEPT-HISTORY",
                NEW_PARTNER_NAME.name(), "Kept History Trust", NEW_PARTNER_CATEGORY.name(), PartnerCategory.NGO.name(),
                INSTRUMENT_TYPE.name(), InstrumentType.LETTER_OF_COOPERATION.name(),
                AgreementVariables.TITLE.name(), "Letter of cooperation on history kept for Cockpit",
                TERM_START.name(), RegisterClock.today().toString())));
        proposal = driver.instance(KEY, reference);
        draft = driver.task(proposal, TASK_DRAFT);
        assertThat(post("/engine-rest/task/{id}/claim", "{\"userId\": \"oliver\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.as("oliver", Groups.PARTNERSHIP_OFFICERS,
                () -> engine.getTaskService().createComment(draft.getId(), proposal.getId(), "Draft shared with the partner"));
        ResponseEntity<JsonNode> submitted = post("/engine-rest/task/{id}/submit-form", """
                {"variables": {
                  "%s": {"value": "SUBMITTED"},
                  "%s": {"value": "https://docs.cms.int/drafts/kept-history"},
                  "%s": {"value": "v1"},
                  "%s": {"value": "Cooperation on history kept for the screens"}}}"""
                .formatted(DRAFT_ACTION.name(), DRAFT_URL.name(), DRAFT_VERSION.name(), TERMS_SUMMARY.name()));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theHistoryLevelIsStillFull() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                .isEqualTo("full");
    }

    @Test
    void tasklistsHistoryTabStillShowsTheOperationsAndComments() {
        assertThat(history.createUserOperationLogQuery().taskId(draft.getId()).list())
                .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
                .contains(org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "oliver"),
                        org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "oliver"));
        assertThat(engine.getTaskService().getTaskComments(draft.getId())).extracting(Comment::getFullMessage)
                .containsExactly("Draft shared with the partner");
    }

    @Test
    void cockpitsProcessActivityTaskAndDecisionHistoryIsKept() {
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(proposal.getId()).singleResult()
                .getBusinessKey()).isEqualTo(reference);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(proposal.getId()).activityId(TASK_DRAFT)
                .finished().count()).isOne();
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(draft.getId()).singleResult();
        assertThat(task.getAssignee()).isEqualTo("oliver");
        assertThat(task.getEndTime()).isNotNull();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(proposal.getId())
                .decisionDefinitionKey(DECISION_ROUTE).includeInputs().includeOutputs().singleResult().getOutputs()).isNotEmpty();
    }

    @Test
    void theRegisterPagesStillFindTheProcessesOfTheRecordByItsVariables() {
        assertThat(engineWork.instances(reference)).extracting(EngineWork.Instance::id).containsExactly(proposal.getId());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(proposal.getId())
                .variableName(DRAFT_VERSION.name()).singleResult().getValue()).isEqualTo("v1");
    }

    @Test
    void neitherVariableChangesNorFormFieldsNorCandidateGroupChangesAreKept() {
        assertThat(history.createHistoricDetailQuery().processInstanceId(proposal.getId()).count()).isZero();
        Task next = engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).singleResult();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(draft.getId()).count()).isZero();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(next.getId()).count()).isZero();
        assertThat(engine.getTaskService().getIdentityLinksForTask(next.getId()))
                .as("the runtime candidate groups (Tasklist, the engine's grants) are untouched").isNotEmpty();
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("oliver", "oliver").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class,
                draft.getId());
    }
}
