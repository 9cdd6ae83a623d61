package org.cms.partnerships.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The register pages over HTTP, as a browser logged in to the webapps calls them: the login they share
 * with Tasklist, the exports, refusals, and what a Family secretariat may read (RegisterReadAccess).
 * What a user sees and clicks is in {@link RegisterPagesBrowserTest}.
 */
@CmsIntegrationTest
class RegisterPagesTest {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService tasks;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBrowserNotLoggedInGoesToTheWebappsLoginWithTheWayBack() {
        ResponseEntity<String> answer = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .getForEntity("/register/agreements?status=IN_FORCE", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(answer.getHeaders().getLocation()).hasToString(rest.getRootUri() + "/camunda/app/tasklist/default/#/login");
        assertThat(answer.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("cms-register-return=%2Fregister%2Fagreements%3Fstatus%3DIN_FORCE").contains("Path=/"));
    }

    @Test
    void theTasklistLoginReadsTheRegisterApiButCannotWriteThroughIt() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        assertThat(oliver.get("/api/agreements/CMS-IWC-2000").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> write = oliver.post("/api/agreements/CMS-IWC-2000/withdrawal", "{\"reason\": \"Not through a session\"}");
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyListDownloadsAsCsvAndAsExcelWithTheSameRows() throws IOException {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        ResponseEntity<byte[]> csv = oliver.get("/register/agreements.csv?status=IN_FORCE&q=whaling");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("agreements-").endsWith(".csv");
        assertThat(text).startsWith("\uFEFFReference,Partner,Partner name,Category,Instrument,Title,Status")
                .contains("CMS-IWC-2000,IWC,International Whaling Commission,UN_AGENCY_IGO")
                .doesNotContain("CMS-CITES-2002");

        ResponseEntity<byte[]> xlsx = oliver.get("/register/agreements.xlsx?status=IN_FORCE&q=whaling");
        assertThat(xlsx.getHeaders().getContentType()).isEqualTo(Exports.XLSX);
        Map<String, String> parts = unzip(xlsx.getBody());
        assertThat(parts).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml");
        assertThat(parts.get("xl/sharedStrings.xml")).contains("CMS-IWC-2000", "International Whaling Commission")
                .doesNotContain("CMS-CITES-2002");

        for (String list : new String[] {"/register/partners", "/register/work-plans", "/register/notifications",
                "/register/coming-due", "/register/agreements/CMS-IWC-2000/history",
                "/register/work-plans/JWP-CMS-CITES-2012-2014/activities"}) {
            assertThat(oliver.get(list + ".csv").getStatusCode()).as(list).isEqualTo(HttpStatus.OK);
            assertThat(unzip(oliver.get(list + ".xlsx").getBody())).as(list).containsKey("xl/worksheets/sheet1.xml");
        }
        assertThat(new String(oliver.get("/register/work-plans/JWP-CMS-CITES-2012-2014/activities.csv").getBody(),
                StandardCharsets.UTF_8)).contains("A1,").contains("Theme,Code,Description");
    }

    @Test
    void aBadFilterIsA400PageNamingTheParameterAndTheAllowedValues() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");

        ResponseEntity<byte[]> status = oliver.get("/register/agreements?status=SIGNED");
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new String(status.getBody(), StandardCharsets.UTF_8))
                .contains("Parameter &#39;status&#39; has an invalid value &#39;SIGNED&#39;; expected one of PROPOSED,");
        ResponseEntity<byte[]> sort = oliver.get("/register/agreements?sort=colour");
        assertThat(sort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new String(sort.getBody(), StandardCharsets.UTF_8)).contains("expected one of instrument, nextReview, partner, reference, signed, status, termEnds");
        assertThat(oliver.get("/register/agreements.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFamilySecretariatReadsOnlyWhatConcernsItOnEveryPageAndExport() {
        WebappSession eurobats = WebappSession.login(rest, "eurobats", "tasklist");

        assertThat(eurobats.get("/register/agreements/CMS-IWC-2000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eurobats.get("/register/agreements/CMS-IWC-2000/history.csv").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eurobats.get("/register/agreements/CMS-WAZA-2008").getStatusCode()).isEqualTo(HttpStatus.OK);
        String list = new String(eurobats.get("/register/agreements.csv").getBody(), StandardCharsets.UTF_8);
        // Rows start with the reference (CMS-RAMSAR-2011 may be named as what a renewal supersedes).
        assertThat(list).contains("\nCMS-WAZA-2008,", "\nCMS-BERN-2009,").doesNotContain("\nCMS-IWC-2000,", "\nCMS-RAMSAR-2011,");
        String comingDue = new String(eurobats.get("/register/coming-due.csv").getBody(), StandardCharsets.UTF_8);
        assertThat(comingDue).doesNotContain("CMS-IWC-2000", "CMS-IOTC-2015");
        String partner = new String(eurobats.get("/register/partners/IWC").getBody(), StandardCharsets.UTF_8);
        assertThat(partner).contains("International Whaling Commission").doesNotContain("CMS-IWC-2000");
    }

    @Test
    void theCockpitTabReadsTheAgreementOfAnInstanceAndRefusesWhatTheUserMayNotSee() throws IOException {
        Task iotc = tasks.createTaskQuery().processInstanceBusinessKey("CMS-IOTC-2015")
                .taskDefinitionKey(AgreementProcess.TASK_PARTNER_DECISION).singleResult();
        WebappSession marc = WebappSession.login(rest, "marc", "cockpit");

        JsonNode subject = json.readTree(marc.get("/api/register-subject?processInstanceId=" + iotc.getProcessInstanceId()).getBody());
        assertThat(subject.path("reference").asText()).isEqualTo("CMS-IOTC-2015");
        assertThat(subject.path("status").asText()).isEqualTo("AWAITING_PARTNER_APPROVAL");
        assertThat(subject.path("page").asText()).isEqualTo("/register/agreements/CMS-IOTC-2015");
        assertThat(subject.path("history")).isNotEmpty();

        WebappSession eurobats = WebappSession.login(rest, "eurobats", "tasklist");
        assertThat(eurobats.get("/api/register-subject?taskId=" + iotc.getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(marc.get("/api/register-subject").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The parts of an XLSX file (a zip), as text. */
    static Map<String, String> unzip(byte[] file) throws IOException {
        Path copy = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(copy, file);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            Files.delete(copy);
        }
    }
}
