package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A refused form reads the same through the path the user's browser takes (Tasklist calls the webapps'
 * engine API) and through the engine REST API: 400 with the sentence alone, no ids, no engine wording.
 */
@CmsIntegrationTest
class RefusalsTest {

    /** The draft form without its required fields: the drafting check's refusal. */
    static final String EMPTY_DRAFT = """
            {"variables": {"%s": {"value": "SUBMITTED", "type": "String"}}}""".formatted(AgreementProcess.DRAFT_ACTION.name());

    @Autowired TestRestTemplate rest;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired ProcessDriver driver;

    @Test
    void aRefusedTaskFormAnswers400WithThePlainMessageThroughTasklistsApiAndTheRestApi() {
        Task draft = draftTaskOfANewProposal("MWN", "Letter of cooperation on migratory waterbird monitoring");

        ResponseEntity<JsonNode> throughTasklist = WebappSession.login(rest, "oliver", "tasklist")
                .postToEngine("engine/default/task/%s/submit-form".formatted(draft.getId()), EMPTY_DRAFT);
        ResponseEntity<JsonNode> throughRest = rest.withBasicAuth("oliver", "oliver").postForEntity(
                "/engine-rest/task/{id}/submit-form", json(EMPTY_DRAFT), JsonNode.class, draft.getId());

        for (ResponseEntity<JsonNode> answer : List.of(throughTasklist, throughRest)) {
            assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
            String message = answer.getBody().path("message").asText();
            assertThat(message).isNotBlank().doesNotContain("ENGINE-", "Cannot submit", draft.getId(), "Exception");
            assertThat(answer.getBody().path("problems")).isNotEmpty();
        }
        assertThat(throughTasklist.getBody()).isEqualTo(throughRest.getBody());
    }

    @Test
    void aRefusedStartFormAnswers400WithEveryProblemThroughTasklistsApi() {
        ResponseEntity<JsonNode> answer = WebappSession.login(rest, "oliver", "tasklist").postToEngine(
                "engine/default/process-definition/key/%s/submit-form".formatted(AgreementProcess.KEY), """
                        {"variables": {"%s": {"value": "EXISTING", "type": "String"},
                                       "%s": {"value": "NOBODY", "type": "String"}}}"""
                        .formatted(AgreementProcess.PARTNER_CHOICE.name(), AgreementVariables.ACRONYM.name()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("message").asText())
                .contains("No partner with acronym NOBODY")
                .doesNotContain("Cannot instantiate", "ENGINE-");
        assertThat(answer.getBody().path("problems").size()).isGreaterThan(1);
    }

    @Test
    void aWebAddressIsCheckedInPlainWordsNotShownAsARegularExpression() {
        Task draft = draftTaskOfANewProposal("GNF", "Letter of cooperation on waterbird monitoring training");
        ResponseEntity<JsonNode> answer = WebappSession.login(rest, "oliver", "tasklist").postToEngine(
                "engine/default/task/%s/submit-form".formatted(draft.getId()), """
                        {"variables": {"%s": {"value": "SUBMITTED", "type": "String"},
                                       "%s": {"value": "www.cms.int/drafts/mwn-v1", "type": "String"},
                                       "%s": {"value": "v1", "type": "String"},
                                       "%s": {"value": "Joint training on waterbird counts", "type": "String"}}}"""
                        .formatted(AgreementProcess.DRAFT_ACTION.name(), AgreementProcess.DRAFT_URL.name(),
                                AgreementProcess.DRAFT_VERSION.name(), AgreementProcess.TERMS_SUMMARY.name()));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("message").asText())
                .isEqualTo("The link to the draft must be a web address starting with http:// or https://")
                .doesNotContain("^", "pattern");
    }

    private Task draftTaskOfANewProposal(String partner, String title) {
        String reference = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(
                ProcessValues.of(AgreementProcess.PARTNER_CHOICE, AgreementProcess.PartnerChoice.EXISTING)
                        .and(AgreementVariables.ACRONYM, partner)
                        .and(AgreementProcess.INSTRUMENT_TYPE, InstrumentType.LETTER_OF_COOPERATION)
                        .and(AgreementVariables.TITLE, title).and(AgreementProcess.TERM_START, RegisterClock.today()).asMap()));
        return driver.task(driver.instance(AgreementProcess.KEY, reference), AgreementProcess.TASK_DRAFT);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
