package org.cms.partnerships.copreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.copreport.CopReportProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The report as documents (the Word file opened with Apache POI, the PDF read with PDFBox) in the
 * languages received, and the REST face: reports, facts as at a date, CSV, and bad input refused (400).
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopReportDocumentsAndApiTest {

    static final String KEY13 = "COP13-partnerships";
    static final String SYMBOL = "UNEP/CMS/COP13/Doc.23.1";
    static final LocalDate CUT_OFF = LocalDate.of(2019, 11, 30);

    @Autowired ProcessDriver driver;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired CopReportProcess process;
    @Autowired FactsService facts;
    @Autowired TestRestTemplate rest;

    Facts expected;

    /**
     * COP13, as at 30 November 2019: drafted, approved, the French translation received, the Spanish not.
     * Run once, from the first test that needs it (the coverage recorder wants a running test).
     */
    void reportForCop13() {
        if (expected != null) {
            return;
        }
        String key = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> process.start(13, CUT_OFF, null, null));
        ProcessInstance instance = driver.instance(KEY, key);
        Map<String, Object> narrative = new HashMap<>();
        for (ReportSection section : ReportSection.values()) {
            narrative.put(narrative(section).name(), "Narrative of the section " + section.name() + " drafted by the officer."
                    + "\n\nIts second paragraph, numbered in turn.");
        }
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_DRAFT, narrative);
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_APPROVE, values(DECISION, Decision.APPROVE));
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_REQUEST_TRANSLATIONS,
                values(TRANSLATION_DUE, org.cms.partnerships.common.RegisterClock.today().plusDays(14)));
        for (Task task : driver.tasks(instance, TASK_RECORD_TRANSLATION)) {
            Map<String, Object> form = new HashMap<>();
            boolean french = "FR".equals(engine.getTaskService().getVariable(task.getId(), TRANSLATION_LANGUAGE.name()));
            if (french) {
                for (ReportSection section : ReportSection.values()) {
                    form.put(translation(section).name(), "Texte de la section " + section.name() + " traduit en français.");
                }
                form.put(TRANSLATION_OUTCOME.name(), TranslationOutcome.RECEIVED.name());
                form.put(TRANSLATION_RECEIVED_ON.name(), org.cms.partnerships.common.RegisterClock.today().toString());
            } else {
                form.put(TRANSLATION_OUTCOME.name(), TranslationOutcome.NOT_RECEIVED.name());
            }
            driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, task, form);
        }
        expected = facts.asOf(CUT_OFF, null);
    }

    TestRestTemplate as(String user) {
        reportForCop13();
        return rest.withBasicAuth(user, user);
    }

    @Test
    void theWordDocumentCarriesTheSymbolTheSectionsNumberedParagraphsAndThePartnersByCategory() throws Exception {
        ResponseEntity<byte[]> response = as("oliver").getForEntity("/api/cop-reports/" + KEY13 + "/document.docx?language=en", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("UNEP-CMS-COP13-Doc.23.1-EN.docx");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(response.getBody()))) {
            String header = word.getTables().get(0).getText();
            assertThat(header).contains("CONVENTION ON MIGRATORY SPECIES", SYMBOL, "Original: English", "Distribution: General");
            List<String> paragraphs = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("13th MEETING OF THE CONFERENCE OF THE PARTIES", "Gandhinagar, India, 17 February 2020 - 22 February 2020",
                    "Agenda Item 23.1", "SYNERGIES AND PARTNERSHIPS", "Background", "Multilateral Environmental Agreements (MEAs)",
                    "De Facto Partnerships", "Joint Work Plans", "Conclusion", "Action requested");
            assertThat(paragraphs).anyMatch(p -> p.startsWith("Summary: ") && p.contains("since the 12th meeting") && p.contains("30 November 2019"));
            assertThat(paragraphs).contains("1. Narrative of the section BACKGROUND drafted by the officer.",
                    "2. Its second paragraph, numbered in turn.", "3. Narrative of the section MEAS drafted by the officer.");
            XWPFTable byCategory = word.getTables().get(1);
            assertThat(byCategory.getRow(0).getCell(0).getText()).isEqualTo("Category");
            assertThat(byCategory.getText()).contains("Multilateral environmental agreements\t" + expected.formalPartnersByCategory().get(PartnerCategory.MEA));
            var total = byCategory.getRow(byCategory.getNumberOfRows() - 1);
            assertThat(total.getCell(0).getText()).isEqualTo("Total");
            assertThat(total.getCell(1).getText()).isEqualTo(String.valueOf(expected.formalPartnersTotal()));
            assertThat(word.getTables()).anySatisfy(t -> assertThat(t.getText()).contains("Indian Ocean Tuna Commission (IOTC)", "CMS-IOTC-2015"));
        }
    }

    @Test
    void thePdfInEnglishAndInTheFrenchCourtesyTranslationReadsLikeTheSeeds() throws Exception {
        String english = pdfText("en");
        assertThat(english).contains(SYMBOL, "SYNERGIES AND PARTNERSHIPS", "13th MEETING OF THE CONFERENCE OF THE PARTIES",
                "Agenda Item 23.1", "Summary:", "1. Narrative of the section BACKGROUND", "Formal partners by category as at 30 November 2019",
                "Total " + expected.formalPartnersTotal(), "Joint work plans", "Action requested");
        String french = pdfText("fr");
        assertThat(french).contains(SYMBOL, "SYNERGIES ET PARTENARIATS", "Traduction de courtoisie", "Original : anglais",
                "13e RÉUNION DE LA CONFÉRENCE DES PARTIES", "Texte de la section MEAS traduit en français.",
                "Partenaires officiels par catégorie au 30 novembre 2019", "Plans de travail conjoints");

        ResponseEntity<JsonNode> spanish = as("oliver").getForEntity("/api/cop-reports/" + KEY13 + "/document.pdf?language=es", JsonNode.class);
        assertThat(spanish.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(spanish.getBody().path("detail").asText()).contains("no ES translation has been received");
        ResponseEntity<JsonNode> german = as("oliver").getForEntity("/api/cop-reports/" + KEY13 + "/document.pdf?language=de", JsonNode.class);
        assertThat(german.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(german.getBody().path("detail").asText()).isEqualTo("language: 'de' is not one of [en, fr, es]");
    }

    private String pdfText(String language) throws Exception {
        ResponseEntity<byte[]> response = as("amina").getForEntity("/api/cop-reports/" + KEY13 + "/document.pdf?language=" + language, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theReportShowsItsStateHistoryTranslationsAndFrozenFactsAsJsonAndCsv() {
        JsonNode list = as("marc").getForObject("/api/cop-reports", JsonNode.class);
        assertThat(list.findValuesAsText("businessKey")).contains(KEY13);
        JsonNode detail = as("marc").getForObject("/api/cop-reports/" + KEY13, JsonNode.class);
        assertThat(detail.path("report").path("status").asText()).isEqualTo("AWAITING_PUBLICATION");
        assertThat(detail.path("report").path("symbol").asText()).isEqualTo(SYMBOL);
        assertThat(detail.path("openTasks").get(0).asText()).isEqualTo("Publish the report · COP13-partnerships");
        assertThat(detail.path("languages").toString()).isEqualTo("[\"EN\",\"FR\"]");
        assertThat(detail.path("history").findValuesAsText("note")).anyMatch(n -> n.startsWith("Approved by the Executive Secretary; facts frozen as at 2019-11-30"));
        assertThat(detail.path("documents").path("pdf-fr").asText()).isEqualTo("/api/cop-reports/COP13-partnerships/document.pdf?language=fr");

        JsonNode frozen = as("marc").getForObject("/api/cop-reports/" + KEY13 + "/facts", JsonNode.class);
        assertThat(frozen.path("formalPartnersTotal").asInt()).isEqualTo(expected.formalPartnersTotal());
        ResponseEntity<String> csv = as("marc").getForEntity("/api/cop-reports/" + KEY13 + "/facts.csv", String.class);
        assertThat(csv.getBody().lines().findFirst().orElseThrow()).isEqualTo("figure,reference,partner,category,date,detail");
        assertThat(csv.getBody()).contains("pending instrument,CMS-IOTC-2015,IOTC,UN_AGENCY_IGO,2015-10-15");
    }

    @Test
    void factsAsAtAnyDateComeAsJsonAndCsv() {
        Facts august2011 = as("oliver").getForObject("/api/facts?asOf=2011-08-31", Facts.class);
        // Before the Migratory Wildlife Network (15 September) and IUCN ELC (2 September 2011) signed.
        assertThat(august2011.formalPartnersTotal()).isEqualTo(27);
        assertThat(august2011.newPartnerships()).extracting(Facts.AgreementLine::partnerAcronym).containsExactly("BERN", "FOC");
        assertThat(august2011.periodFrom()).isEqualTo(LocalDate.of(2008, 12, 6));
        Facts fromGiven = as("oliver").getForObject("/api/facts?asOf=2011-09-30&from=2011-01-01", Facts.class);
        assertThat(fromGiven.newPartnerships()).extracting(Facts.AgreementLine::partnerAcronym).containsExactly("MWN");
        ResponseEntity<String> csv = as("oliver").getForEntity("/api/facts.csv?asOf=2011-09-30", String.class);
        assertThat(csv.getBody()).contains("new formal partnership,CMS-MWN-2011,MWN,NGO,2011-09-15",
                "dormant partner,CMS-GNF,GNF,FOUNDATION");
    }

    @Test
    void badInputIsRefusedWithAClear400NamingTheField() {
        ResponseEntity<JsonNode> malformed = as("oliver").getForEntity("/api/facts?asOf=2011-13-01", JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("detail").asText()).isEqualTo("Parameter 'asOf' has an invalid value '2011-13-01'; expected a date such as 2011-09-30");
        ResponseEntity<JsonNode> reversed = as("oliver").getForEntity("/api/facts?asOf=2011-09-30&from=2012-01-01", JsonNode.class);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().path("detail").asText())
                .isEqualTo("from: the period cannot start (2012-01-01) after the cut-off date (2011-09-30)");
        ResponseEntity<JsonNode> missing = as("oliver").getForEntity("/api/facts", JsonNode.class);
        assertThat(missing.getBody().path("detail").asText()).isEqualTo("Parameter 'asOf' is required");

        ResponseEntity<JsonNode> unknownCop = as("oliver").postForEntity("/api/cop-reports",
                new CopReportApi.StartRequest(42, null, null, null), JsonNode.class);
        assertThat(unknownCop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownCop.getBody().path("detail").asText())
                .isEqualTo("copNumber: there is no 42nd meeting of the Conference of the Parties in the register");
        ResponseEntity<JsonNode> beforePeriod = as("oliver").postForEntity("/api/cop-reports",
                new CopReportApi.StartRequest(11, LocalDate.of(2011, 10, 31), null, null), JsonNode.class);
        assertThat(beforePeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beforePeriod.getBody().path("detail").asText())
                .startsWith("cutOffDate: 2011-10-31 is before the start of the period (2011-11-26, the day after COP10)");
        assertThat(as("oliver").getForEntity("/api/cop-reports/COP99-partnerships", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("aewa").getForEntity("/api/facts?asOf=2011-08-31", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("amina").postForEntity("/api/cop-reports", new CopReportApi.StartRequest(15, null, null, null), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void meetingsAreListedAndRecordedByOfficersWithTheirDatesChecked() {
        JsonNode cops = as("lena").getForObject("/api/meetings?kind=COP", JsonNode.class);
        assertThat(cops.findValuesAsText("venue")).contains("Bergen, Norway", "Quito, Ecuador", "Manila, Philippines",
                "Gandhinagar, India", "Samarkand, Uzbekistan");
        JsonNode stc44 = as("lena").getForObject("/api/meetings/STANDING_COMMITTEE/44", JsonNode.class);
        assertThat(stc44.path("startsOn").asText()).isEqualTo("2015-10-14");
        ResponseEntity<JsonNode> wrongDates = as("oliver").postForEntity("/api/meetings", Map.of("kind", "STANDING_COMMITTEE",
                "number", 46, "venue", "Bonn, Germany", "startsOn", "2017-10-22", "endsOn", "2017-10-20"), JsonNode.class);
        assertThat(wrongDates.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongDates.getBody().path("detail").asText()).isEqualTo("endsOn: 2017-10-20 is before the first day 2017-10-22");
        assertThat(as("lena").postForEntity("/api/meetings", Map.of("kind", "STANDING_COMMITTEE", "number", 46,
                "venue", "Manila", "startsOn", "2017-10-22"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> created = as("oliver").postForEntity("/api/meetings", Map.of("kind", "STANDING_COMMITTEE",
                "number", 46, "venue", "Manila, Philippines", "startsOn", "2017-10-22"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("endsOn").asText()).isEqualTo("2017-10-22");
        assertThat(as("oliver").postForEntity("/api/meetings", Map.of("kind", "STANDING_COMMITTEE", "number", 46,
                "venue", "Manila, Philippines", "startsOn", "2017-10-22"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
