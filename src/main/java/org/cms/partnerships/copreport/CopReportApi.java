package org.cms.partnerships.copreport;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports to the Conference of the Parties and the facts as at any date. Staff who read the whole
 * register read these (a Family secretariat reads only its own agreements, so not the facts); partnership
 * officers start a report ({@code POST /api/cop-reports}, the same checks as Tasklist).
 */
@RestController
public class CopReportApi {

    private final CopReportService reports;
    private final CopReportDocuments documents;
    private final FactsService facts;
    private final CopReportProcess process;
    private final CopReportReadAccess access;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TaskService tasks;

    public CopReportApi(CopReportService reports, CopReportDocuments documents, FactsService facts, CopReportProcess process,
                        CopReportReadAccess access, IdentityService identity, RuntimeService runtime, TaskService tasks) {
        this.reports = reports;
        this.documents = documents;
        this.facts = facts;
        this.process = process;
        this.access = access;
        this.identity = identity;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** A report with where it stands: its status, the open tasks of its process, its history and translations. */
    public record ReportDetail(CopReport report, List<Language> languages, List<String> openTasks,
                               List<CopReportService.Translation> translations, List<CopReportService.Event> history,
                               Map<String, String> documents) {
    }

    public record StartRequest(Integer copNumber, LocalDate cutOffDate, String reportSymbol, String agendaItem) {
    }

    @GetMapping("/api/cop-reports")
    public List<CopReport> list() {
        requireWholeRegister();
        return reports.all();
    }

    @PostMapping("/api/cop-reports")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "start a report to the Conference of the Parties")
    public ResponseEntity<Map<String, String>> start(@RequestBody StartRequest request) {
        String key = process.start(request.copNumber(), request.cutOffDate(), request.reportSymbol(), request.agendaItem());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("businessKey", key));
    }

    @GetMapping("/api/cop-reports/{key}")
    public ReportDetail one(@PathVariable String key) {
        requireWholeRegister();
        CopReport report = reports.get(key);
        List<String> open = runtime.createProcessInstanceQuery().processDefinitionKey(CopReportProcess.KEY)
                .processInstanceBusinessKey(report.businessKey()).list().stream()
                .flatMap(instance -> tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream())
                .map(org.camunda.bpm.engine.task.Task::getName).toList();
        List<Language> languages = reports.languages(report.businessKey());
        Map<String, String> links = new java.util.LinkedHashMap<>();
        String base = "/api/cop-reports/" + report.businessKey();
        for (Language language : languages) {
            String lang = language.name().toLowerCase();
            links.put("docx-" + lang, base + "/document.docx?language=" + lang);
            links.put("pdf-" + lang, base + "/document.pdf?language=" + lang);
        }
        links.put("facts-json", base + "/facts");
        links.put("facts-csv", base + "/facts.csv");
        return new ReportDetail(report, languages, open, reports.translations(report.businessKey()),
                reports.history(report.businessKey()), links);
    }

    /** The report's facts: live until approval, frozen from then on. */
    @GetMapping("/api/cop-reports/{key}/facts")
    public Facts reportFacts(@PathVariable String key) {
        requireWholeRegister();
        return reports.facts(key);
    }

    @GetMapping(value = "/api/cop-reports/{key}/facts.csv", produces = "text/csv")
    public ResponseEntity<byte[]> reportFactsCsv(@PathVariable String key) {
        requireWholeRegister();
        return bytes(CopReportDocuments.csv(reports.facts(key)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                reports.get(key).businessKey() + "-facts.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/api/cop-reports/{key}/document.docx")
    public ResponseEntity<byte[]> docx(@PathVariable String key, @RequestParam(defaultValue = "en") String language) {
        requireWholeRegister();
        Language lang = language(language);
        return bytes(documents.docx(key, lang), fileName(key, lang, "docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @GetMapping("/api/cop-reports/{key}/document.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String key, @RequestParam(defaultValue = "en") String language) {
        requireWholeRegister();
        Language lang = language(language);
        return bytes(documents.pdf(key, lang), fileName(key, lang, "pdf"), MediaType.APPLICATION_PDF_VALUE);
    }

    /** Facts as at any date (not in the future), for the period from {@code from} (default: since the previous COP). */
    @GetMapping("/api/facts")
    public Facts factsAsOf(@RequestParam LocalDate asOf, @RequestParam(required = false) LocalDate from) {
        requireWholeRegister();
        return facts.asOf(asOf, from);
    }

    @GetMapping(value = "/api/facts.csv", produces = "text/csv")
    public ResponseEntity<byte[]> factsCsv(@RequestParam LocalDate asOf, @RequestParam(required = false) LocalDate from) {
        requireWholeRegister();
        return bytes(CopReportDocuments.csv(facts.asOf(asOf, from)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "facts-" + asOf + ".csv", "text/csv;charset=UTF-8");
    }

    private static ResponseEntity<byte[]> bytes(byte[] content, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(content);
    }

    private String fileName(String key, Language language, String extension) {
        return reports.get(key).symbol().replace('/', '-') + "-" + language.name() + "." + extension;
    }

    private static Language language(String value) {
        try {
            return Language.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("language: '%s' is not one of %s".formatted(value,
                    Arrays.stream(Language.values()).map(l -> l.name().toLowerCase()).toList()));
        }
    }

    private void requireWholeRegister() {
        access.requireWholeRegister();
    }
}
