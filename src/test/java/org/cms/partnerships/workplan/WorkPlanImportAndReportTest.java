package org.cms.partnerships.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
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
 * Activities imported from CSV or JSON, validated line by line, and the state-of-implementation
 * report of the real 2008-2011 CMS-CITES plan as HTML and as an editable ODT document.
 */
@CmsIntegrationTest
@Order(3) // reports on the 2008-2011 plan as loaded: runs before the work plan process test closes it
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkPlanImportAndReportTest {

    static final String PLAN = "JWP-CMS-CITES-IMPORT-TEST";

    @Autowired WorkPlanService workPlans;
    @Autowired PartnerService partners;
    @Autowired TestRestTemplate rest;

    @BeforeAll
    void aDraftPlanWithTheFourThemes() {
        workPlans.create(new WorkPlanService.NewWorkPlan(PLAN, partners.getByAcronym("CITES").id(), null,
                "Import test plan", 2015, 2017, WorkPlanStatus.DRAFT, null));
        workPlans.addTheme(PLAN, "A", "Harmonization");
        workPlans.addTheme(PLAN, "B", "Shared species");
    }

    @Test
    void aGoodCsvFileIsImported() {
        ResponseEntity<JsonNode> imported = post("/api/work-plans/" + PLAN + "/activities", "text/csv", """
                theme,code,description,timeframe,lead,externalFunding,heading
                A,A1,"On-going update of the concordance list of species",2015,Joint,false,Concordance list
                B,B1,"Joint meeting of the Sharks MoU signatories and CITES, subject to external funding",2016-2017,CMS,true,Sharks
                """);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("activitiesImported").asInt()).isEqualTo(2);
        WorkPlanActivity sharks = workPlans.activity(PLAN, "B1");
        assertThat(sharks.subjectToExternalFunding()).isTrue();
        assertThat(sharks.fundingStatus()).isEqualTo(FundingStatus.NOT_SECURED);
        assertThat(sharks.lead()).isEqualTo("CMS");
        assertThat(sharks.timeframe()).isEqualTo("2016-2017");
    }

    @Test
    void aFileWithBadLinesIsRefusedWithTheirNumbersAndNothingIsImported() {
        int before = workPlans.activities(PLAN).size();
        ResponseEntity<JsonNode> refused = post("/api/work-plans/" + PLAN + "/activities", "text/csv", """
                theme,code,description,timeframe,lead,externalFunding
                A,A7,Critically assess taxonomic differences with the IUCN Red List,2016,Joint,false
                Z,Z1,A theme the plan does not have,2016,Joint,false
                B,B9,,On-going,Joint,maybe
                A,A7,The same code twice in one file,2016,Joint,false
                """);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
                "Line 3: theme 'Z' is not one of the plan's themes [A, B]",
                "Line 4: the description is missing",
                "Line 4: external funding must be yes or no (true or false also do), not 'maybe'",
                "Line 5: code A7 is already in the plan or earlier in the file");
        assertThat(workPlans.activities(PLAN)).hasSize(before);
    }

    @Test
    void jsonWorksTheSameWay() {
        ResponseEntity<JsonNode> imported = post("/api/work-plans/" + PLAN + "/activities", "application/json", """
                [{"theme": "A", "code": "A20", "description": "Joint taxonomy workshop for the Scientific Councils", "timeframe": "Annual and as-required"}]
                """);
        assertThat(imported.getBody().get("activitiesImported").asInt()).isEqualTo(1);
        ResponseEntity<JsonNode> refused = post("/api/work-plans/" + PLAN + "/activities", "application/json", """
                [{"theme": "B", "code": "B20", "description": "Gorilla enforcement cooperation", "timeframe": "2016"},
                 {"theme": "B", "code": "20B", "description": "A code the wrong way round", "timeframe": "2016"}]
                """);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems")).extracting(JsonNode::asText)
                .containsExactly("Line 2: code '20B' must be a theme letter and a number, such as B12");
    }

    @Test
    void aPlanInImplementationTakesNoImport() {
        ResponseEntity<JsonNode> refused = post("/api/work-plans/JWP-CMS-CITES-2008-2011/activities", "text/csv",
                "theme,code,description,timeframe\nA,A9,Another activity for the old plan,2011\n");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void thePlanReadFromTheRegisterShowsItsStatusHistory() {
        ResponseEntity<JsonNode> plan = rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/JWP-CMS-CITES-2008-2011", JsonNode.class);
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode first = plan.getBody().get("statusHistory").get(0);
        assertThat(first.hasNonNull("fromStatus")).isFalse();
        assertThat(first.get("toStatus").asText()).isEqualTo("IN_IMPLEMENTATION");
        assertThat(first.get("changedBy").asText()).isEqualTo("demo-data");
        assertThat(first.get("reason").asText()).isEqualTo("Recorded from the Secretariat's reports as IN_IMPLEMENTATION");
        assertThat(first.hasNonNull("changedAt")).isTrue();

        ResponseEntity<JsonNode> created = rest.withBasicAuth("oliver", "oliver").getForEntity("/api/work-plans/" + PLAN, JsonNode.class);
        assertThat(created.getBody().get("statusHistory")).singleElement()
                .satisfies(row -> assertThat(row.get("toStatus").asText()).isEqualTo("DRAFT"));
    }

    @Test
    void theReportOfThe2008To2011PlanShowsWhatWasDoneAndWhatCarriesOver() {
        ResponseEntity<String> html = rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/JWP-CMS-CITES-2008-2011/report.html", String.class);
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(html.getBody()).contains("CITES/CMS list of joint activities 2008-2011", "(A) Harmonization of taxonomy",
                "Comparison of the lists made", "Four meetings held in Geneva, Bonn or by teleconference", "<td>Completed</td>")
                .doesNotContain("COMPLETED", "NOT_STARTED", "IN_PROGRESS");
        String carryOver = html.getBody().substring(html.getBody().indexOf("Unfinished activities"));
        assertThat(carryOver).contains("A4 (Not started)", "B2 (In progress)", "D1 (In progress)")
                .doesNotContain("A2 (", "C1 (", "B4 (");
    }

    @Test
    void theReportIsAlsoAnOpenDocumentTextToEdit() throws Exception {
        ResponseEntity<byte[]> odt = rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/JWP-CMS-CITES-2008-2011/report.odt", byte[].class);
        assertThat(odt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(odt.getHeaders().getContentType().toString()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(odt.getHeaders().getContentDisposition().getFilename()).isEqualTo("JWP-CMS-CITES-2008-2011-implementation.odt");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(odt.getBody()))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("application/vnd.oasis.opendocument.text");
            String content = null;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("content.xml")) {
                    content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(content).contains("Four meetings held", "A4 (Not started)");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            assertThat(document.getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table-row").getLength())
                    .isEqualTo(12 + 4); // a header row per theme
        }
    }

    private ResponseEntity<JsonNode> post(String url, String type, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        return rest.withBasicAuth("oliver", "oliver").postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
