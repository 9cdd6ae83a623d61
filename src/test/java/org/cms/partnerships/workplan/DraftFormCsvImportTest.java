package org.cms.partnerships.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The officer imports a plan's activities in the draft form by pasting CSV, through Tasklist's own path
 * (the webapps' engine API), under the rules of {@code POST /api/work-plans/{reference}/activities}:
 * a bad line refuses everything with its line number, yes or no for external funding.
 */
@CmsIntegrationTest
class DraftFormCsvImportTest {

    static final String PLAN = "JWP-WAZA-2044-2046";

    @Autowired WorkPlanService workPlans;
    @Autowired WorkPlanLifecycle lifecycle;
    @Autowired PartnerService partners;
    @Autowired AgreementService agreements;
    @Autowired ProcessDriver driver;
    @Autowired TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void csvPastedInTheDraftFormIsImportedWithTheImportsRulesAndABadLineChangesNothing() throws Exception {
        workPlans.create(new WorkPlanService.NewWorkPlan(PLAN, partners.getByAcronym("WAZA").id(),
                agreements.get("CMS-WAZA-2008").id(), "CMS-WAZA joint work plan 2044-2046", 2044, 2046, WorkPlanStatus.DRAFT, null));
        workPlans.addTheme(PLAN, "A", "Outreach");
        workPlans.addTheme(PLAN, "B", "Zoos and migratory species");
        ProcessInstance plan = driver.instance(KEY, lifecycle.startFor(PLAN));
        String task = driver.task(plan, TASK_DRAFT).getId();
        LocalDate deadline = RegisterClock.today().plusDays(30);
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        ResponseEntity<JsonNode> refused = oliver.postToEngine("engine/default/task/%s/submit-form".formatted(task), form(Map.of(
                ACTIVITIES_CSV.name(), """
                        theme,code,description,timeframe,lead,externalFunding,heading
                        A,A1,Year of the Bat outreach in member zoos,2044,Joint,no,Outreach
                        B,B1,Flyway exhibits on migratory waterbirds,2045,WAZA,maybe,
                        """,
                COMMENT_DEADLINE.name(), deadline.toString())));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("problems")).extracting(JsonNode::asText).containsExactly(
                "CSV line 3: external funding must be yes or no (true or false also do), not 'maybe'");
        assertThat(workPlans.activities(PLAN)).as("a bad line imports nothing").isEmpty();

        ResponseEntity<JsonNode> accepted = oliver.postToEngine("engine/default/task/%s/submit-form".formatted(task), form(Map.of(
                ACTIVITIES_CSV.name(), """
                        theme,code,description,timeframe,lead,externalFunding,heading
                        A,A1,Year of the Bat outreach in member zoos,2044,Joint,no,Outreach
                        B,B1,"Flyway exhibits on migratory waterbirds, subject to external funding",2045,WAZA,Yes,
                        """,
                ACTIVITY_LINES.name(), "B2 | 2046 | Joint evaluation of the exhibits | no | CMS",
                COMMENT_DEADLINE.name(), deadline.toString())));
        assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
        assertThat(workPlans.activities(PLAN)).extracting(WorkPlanActivity::code).containsExactlyInAnyOrder("A1", "B1", "B2");
        assertThat(workPlans.activity(PLAN, "B1").subjectToExternalFunding()).isTrue();
        assertThat(workPlans.activity(PLAN, "A1").subjectToExternalFunding()).isFalse();
        assertThat(workPlans.get(PLAN).status()).isEqualTo(WorkPlanStatus.IN_CONSULTATION);
        assertThat(driver.variable(plan, ACTIVITIES_CSV)).as("the pasted text is not kept on the process").isNull();
    }

    private String form(Map<String, String> values) throws Exception {
        ObjectNode variables = json.createObjectNode();
        values.forEach((name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        return json.writeValueAsString(body);
    }
}
