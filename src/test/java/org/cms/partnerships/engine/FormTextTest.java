package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Markup stored in the register (a title, a partner's name, a Family instrument) reaches Tasklist's forms as
 * text: the form variables a text block interpolates are escaped for the task, through the webapps' engine API
 * that Tasklist reads them from, while the register keeps what was entered.
 */
@CmsIntegrationTest
class FormTextTest {

    static final String TITLE = "Bats <img src=x onerror=alert(1)> and [a link](http://evil.example)";
    static final String PARTNER = "Friends of <b>Bats</b> & Birds";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired ProcessDriver driver;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired FormTextPlugin formText;

    @Test
    void everyVariableAFormTextBlockShowsIsFoundInTheForms() {
        assertThat(formText.shown()).contains(org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), org.cms.partnerships.agreement.AgreementVariables.PARTNER.name(), org.cms.partnerships.agreement.AgreementProcess.CONSULTED_SECRETARIAT.name(), org.cms.partnerships.workplan.WorkPlanProcess.PLAN_TITLE.name(),
                org.cms.partnerships.endorsement.EndorsementProcess.SUBJECT_TITLE.name(), org.cms.partnerships.endorsement.EndorsementProcess.DOCUMENT_NUMBER.name(), org.cms.partnerships.endorsement.EndorsementProcess.MEETING_LABEL.name()).doesNotContain(org.cms.partnerships.agreement.AgreementProcess.COMMENTS_SO_FAR.name());
    }

    @Test
    void storedMarkupIsShownAsTextInTheDraftFormAndKeptAsEnteredInTheRegister() throws Exception {
        String reference = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(
                ProcessValues.of(AgreementProcess.PARTNER_CHOICE, AgreementProcess.PartnerChoice.NEW)
                        .and(AgreementVariables.ACRONYM, "FOBB")
                        .and(AgreementProcess.NEW_PARTNER_NAME, PARTNER)
                        .and(AgreementProcess.NEW_PARTNER_CATEGORY, PartnerCategory.NGO)
                        .and(AgreementProcess.INSTRUMENT_TYPE, InstrumentType.LETTER_OF_COOPERATION)
                        .and(AgreementVariables.TITLE, TITLE)
                        .and(AgreementProcess.TERM_START, RegisterClock.today()).asMap()));
        ProcessInstance proposal = driver.instance(AgreementProcess.KEY, reference);
        Task draft = driver.task(proposal, AgreementProcess.TASK_DRAFT);
        try {
            JsonNode shown = new ObjectMapper().readTree(WebappSession.login(rest, "oliver", "tasklist").exchangeWithEngine(
                    HttpMethod.GET, "engine/default/task/" + draft.getId() + "/form-variables", null,
                    MediaType.APPLICATION_JSON).getBody());
            String title = shown.path(AgreementVariables.TITLE.name()).path("value").asText();
            String partner = shown.path(AgreementVariables.PARTNER.name()).path("value").asText();
            assertThat(title).isEqualTo("Bats &lt;img src=x onerror=alert\\(1\\)&gt; and \\[a link\\]\\(http://evil.example\\)")
                    .doesNotContain("<img", "](");
            assertThat(partner).isEqualTo("Friends of &lt;b&gt;Bats&lt;/b&gt; &amp; Birds");
            assertThat(agreements.get(reference).title()).isEqualTo(TITLE);
            assertThat(partners.getByAcronym("FOBB").name()).isEqualTo(PARTNER);
            assertThat(AgreementVariables.TITLE.from(engine.getRuntimeService().getVariables(proposal.getId()))).isEqualTo(TITLE);
        } finally {
            engine.getRuntimeService().deleteProcessInstance(proposal.getId(), "form text test done");
        }
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(FormTextPlugin.escape("CMS-CITES-2002 Memorandum of Understanding 2027-01-01")).isEqualTo(
                "CMS-CITES-2002 Memorandum of Understanding 2027-01-01");
        assertThat(FormTextPlugin.escape("*bold* `code` #1\n- item")).isEqualTo("\\*bold\\* \\`code\\` \\#1 - item");
    }
}
