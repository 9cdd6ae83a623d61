package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The officer proposing an agreement with an existing partner chooses it from the register's partners,
 * in the start form Tasklist loads (the webapps' engine API), and a partner registered by a proposal is
 * in that list for the next one.
 */
@CmsIntegrationTest
class ProposalFormPartnersTest {

    @Autowired TestRestTemplate rest;
    @Autowired PartnerService partners;
    @Autowired AgreementService agreements;
    @Autowired ProposalFormPartners formPartners;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theProposalFormOffersTheRegistersPartnersAndANewlyRegisteredOneForTheNextProposal() throws Exception {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        List<String> offered = offeredPartners(oliver);
        assertThat(offered).isEqualTo(partners.search(null, null, null).stream().map(Partner::acronym).toList())
                .contains("CITES", "IOTC");
        assertThat(optionLabel(oliver, "CITES")).startsWith("CITES · ").contains(partners.getByAcronym("CITES").name());

        ResponseEntity<JsonNode> registered = oliver.postToEngine(
                "engine/default/process-definition/key/%s/submit-form".formatted(AgreementProcess.KEY), form(Map.of(
                        AgreementProcess.PARTNER_CHOICE.name(), "NEW",
                        AgreementVariables.ACRONYM.name(), "FLYWAYLINK",
                        AgreementProcess.NEW_PARTNER_NAME.name(), "Flyway Link Foundation",
                        AgreementProcess.NEW_PARTNER_CATEGORY.name(), PartnerCategory.FOUNDATION.name(),
                        AgreementProcess.INSTRUMENT_TYPE.name(), InstrumentType.LETTER_OF_COOPERATION.name(),
                        AgreementVariables.TITLE.name(), "Letter of cooperation on flyway education",
                        AgreementProcess.TERM_START.name(), RegisterClock.today().toString())));
        assertThat(registered.getStatusCode().is2xxSuccessful()).as(String.valueOf(registered.getBody())).isTrue();
        assertThat(offeredPartners(oliver)).as("the list is the register's, as it is now").contains("FLYWAYLINK");

        ResponseEntity<JsonNode> chosen = oliver.postToEngine(
                "engine/default/process-definition/key/%s/submit-form".formatted(AgreementProcess.KEY), form(Map.of(
                        AgreementProcess.PARTNER_CHOICE.name(), "EXISTING",
                        AgreementProcess.EXISTING_PARTNER.name(), "FLYWAYLINK",
                        AgreementProcess.INSTRUMENT_TYPE.name(), InstrumentType.MEMORANDUM_OF_UNDERSTANDING.name(),
                        AgreementVariables.TITLE.name(), "Memorandum of understanding on flyway education",
                        AgreementProcess.TERM_START.name(), RegisterClock.today().toString())));
        assertThat(chosen.getStatusCode().is2xxSuccessful()).as(String.valueOf(chosen.getBody())).isTrue();
        String reference = chosen.getBody().path("businessKey").asText();
        assertThat(agreements.get(reference).partnerAcronym()).isEqualTo("FLYWAYLINK");
        assertThat(agreements.get(reference).instrumentType()).isEqualTo(InstrumentType.MEMORANDUM_OF_UNDERSTANDING);
    }

    @Test
    void afterAReleaseDeploysTheFormFileAgainTheNextStartPutsThePartnersBackIntoIt() throws Exception {
        try (var file = new org.springframework.core.io.ClassPathResource("forms/" + ProposalFormPartners.FORM).getInputStream()) {
            repository.createDeployment().name("cms-partnerships-release").addInputStream(ProposalFormPartners.FORM, file).deploy();
        }
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        assertThat(offeredPartners(oliver)).as("the form file's own version has no partners").isEmpty();

        formPartners.atStartUp();
        assertThat(offeredPartners(oliver)).contains("CITES", "IOTC");
    }

    @Test
    void aRestartWithTheSamePartnersDeploysNothing() {
        formPartners.atStartUp();
        long deployments = repository.createDeploymentQuery().count();

        formPartners.atStartUp();
        assertThat(repository.createDeploymentQuery().count()).as("duplicate filtering: the same form again").isEqualTo(deployments);
    }

    private JsonNode partnerSelect(WebappSession session) {
        ResponseEntity<JsonNode> form = session.getFromEngine(
                "engine/default/process-definition/key/%s/deployed-start-form".formatted(AgreementProcess.KEY));
        assertThat(form.getStatusCode().is2xxSuccessful()).as(String.valueOf(form.getBody())).isTrue();
        for (JsonNode component : form.getBody().path("components")) {
            if (AgreementProcess.EXISTING_PARTNER.name().equals(component.path("key").asText())) {
                assertThat(component.path("type").asText()).isEqualTo("select");
                return component;
            }
        }
        throw new AssertionError("The proposal form has no partner select: " + form.getBody());
    }

    private List<String> offeredPartners(WebappSession session) {
        List<String> values = new ArrayList<>();
        partnerSelect(session).path("values").forEach(option -> values.add(option.path("value").asText()));
        return values;
    }

    private String optionLabel(WebappSession session, String acronym) {
        for (JsonNode option : partnerSelect(session).path("values")) {
            if (option.path("value").asText().equals(acronym)) {
                return option.path("label").asText();
            }
        }
        return "";
    }

    private String form(Map<String, String> values) throws Exception {
        ObjectNode variables = json.createObjectNode();
        values.forEach((name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        return json.writeValueAsString(body);
    }
}
