package org.cms.partnerships.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.copreport.CopReportProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.copreport.CopReportProcess;
import org.cms.partnerships.copreport.Facts;
import org.cms.partnerships.copreport.FactsService;
import org.cms.partnerships.copreport.ReportSection;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The COP reports' register pages over HTTP: the list, a report's page with its facts frozen at approval,
 * its tasks and process, the downloads, the exports, the Cockpit tab's answer, and the refusal of a
 * Family secretariat (the same check as the API). The report is COP10's, as at the seed's cut-off.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopReportPagesTest {

    static final String KEY = "COP10-partnerships";
    static final LocalDate CUT_OFF = LocalDate.of(2011, 9, 30);

    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired CopReportProcess process;
    @Autowired FactsService facts;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;
    private final ObjectMapper json = new ObjectMapper();

    private ProcessInstance instance;

    /** COP10's report, drafted and approved by the Executive Secretary (facts frozen), awaiting the translations' request. */
    private ProcessInstance approvedReport() {
        if (instance == null) {
            FreshCopReport.remove(jdbc, runtime, KEY);
            String key = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> process.start(10, CUT_OFF, null, null));
            instance = driver.instance(CopReportProcess.KEY, key);
            Map<String, Object> narrative = new HashMap<>();
            for (ReportSection section : ReportSection.values()) {
                narrative.put(narrative(section).name(), "The narrative of the section " + section.name() + " for the pages.");
            }
            driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_DRAFT, narrative);
            driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_APPROVE, values(DECISION, Decision.APPROVE));
        }
        return instance;
    }

    @AfterAll
    void removeTheReport() {
        FreshCopReport.remove(jdbc, runtime, KEY);
    }

    private static String text(ResponseEntity<byte[]> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new String(answer.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void theListShowsEveryReportWithItsSymbolStatusCutOffAndDeadline() {
        approvedReport();
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        String page = text(oliver.get("/register/cop-reports"));
        assertThat(page).contains("<a href=\"/register/cop-reports\" aria-current=\"page\">COP reports</a>",
                "href=\"/register/cop-reports/COP10-partnerships\"", "UNEP/CMS/COP10/Doc.23.1", "In translation",
                "2011-09-30", "COP10, Bergen, Norway");
    }

    @Test
    void aReportsPageShowsItsHistoryFrozenFactsTasksAndDownloads() {
        Task request = driver.task(approvedReport(), TASK_REQUEST_TRANSLATIONS);
        Facts frozen = facts.asOf(CUT_OFF, null);
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        String page = text(oliver.get("/register/cop-reports/" + KEY));
        assertThat(page).contains("<h1><span>COP10-partnerships</span>", "In translation")
                .contains("Frozen at approval on " + org.cms.partnerships.common.RegisterClock.today() + ": the figures as at 2011-09-30")
                .doesNotContain("As they stand now")
                .contains("Approved by the Executive Secretary; facts frozen as at 2011-09-30", "amina", "oliver")
                .contains("href=\"/camunda/app/tasklist/default/#/?task=" + request.getId() + "\"")
                .contains("href=\"/api/cop-reports/COP10-partnerships/document.docx?language=en\"",
                        "href=\"/api/cop-reports/COP10-partnerships/document.pdf?language=en\"",
                        "href=\"/api/cop-reports/COP10-partnerships/facts.csv\"", "href=\"/api/cop-reports/COP10-partnerships/facts\"")
                .doesNotContain("language=fr")
                .contains("<td class=\"num\">" + frozen.formalPartnersTotal() + "</td>")
                .contains("href=\"/register/agreements/CMS-IUCN-ELC-2011\"");
        assertThat(frozen.formalPartnersTotal()).isEqualTo(28);
        // The links lead to the documents with the same session.
        assertThat(oliver.get("/api/cop-reports/" + KEY + "/document.docx?language=en").getStatusCode()).isEqualTo(HttpStatus.OK);

        WebappSession marc = WebappSession.login(rest, "marc", "cockpit");
        assertThat(text(marc.get("/register/cop-reports/" + KEY)))
                .contains("href=\"/camunda/app/cockpit/default/#/process-instance/" + approvedReport().getId() + "/runtime\"");
    }

    @Test
    void theListDownloadsAsCsvAndExcel() throws IOException {
        approvedReport();
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        ResponseEntity<byte[]> csv = oliver.get("/register/cop-reports.csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("cop-reports-").endsWith(".csv");
        assertThat(text(csv)).startsWith("\uFEFFReport,COP,Venue,COP opens,COP closes,Symbol,Agenda item,Status")
                .contains("COP10-partnerships,10,\"Bergen, Norway\",2011-11-20,2011-11-25,UNEP/CMS/COP10/Doc.23.1,23.1,IN_TRANSLATION,");
        ResponseEntity<byte[]> xlsx = oliver.get("/register/cop-reports.xlsx");
        assertThat(xlsx.getHeaders().getContentType()).isEqualTo(Exports.XLSX);
        assertThat(RegisterPagesTest.unzip(xlsx.getBody()).get("xl/sharedStrings.xml")).contains("COP10-partnerships", "UNEP/CMS/COP10/Doc.23.1");
    }

    @Test
    void aFamilySecretariatIsRefusedTheReportsAsOnTheApi() {
        approvedReport();
        WebappSession aewa = WebappSession.login(rest, "aewa", "tasklist");

        for (String path : new String[] {"/register/cop-reports", "/register/cop-reports.csv", "/register/cop-reports/" + KEY,
                "/api/cop-reports/" + KEY}) {
            ResponseEntity<byte[]> answer = aewa.get(path);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).as(path)
                    .contains("The reports to the Conference of the Parties and the facts cover the whole register")
                    .doesNotContain("Bergen");
        }
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        assertThat(oliver.get("/register/cop-reports/COP99-partnerships").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void cockpitsTabAndTasklistsCardLinkAReportsInstanceAndTaskToItsPage() throws IOException {
        Task request = driver.task(approvedReport(), TASK_REQUEST_TRANSLATIONS);
        WebappSession marc = WebappSession.login(rest, "marc", "cockpit");

        JsonNode subject = json.readTree(marc.get("/api/register-subject?processInstanceId=" + approvedReport().getId()).getBody());
        assertThat(subject.path("kind").asText()).isEqualTo("COP report");
        assertThat(subject.path("reference").asText()).isEqualTo(KEY);
        assertThat(subject.path("status").asText()).isEqualTo("IN_TRANSLATION");
        assertThat(subject.path("page").asText()).isEqualTo("/register/cop-reports/" + KEY);
        assertThat(subject.path("history").findValuesAsText("by")).contains("oliver", "amina");

        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        JsonNode card = json.readTree(oliver.get("/api/register-subject?taskId=" + request.getId()).getBody());
        assertThat(card.path("page").asText()).isEqualTo("/register/cop-reports/" + KEY);
    }
}
