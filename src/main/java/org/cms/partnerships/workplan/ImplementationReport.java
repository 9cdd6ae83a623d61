package org.cms.partnerships.workplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The state-of-implementation report of a joint work plan, like Annex 1 of the CMS/StC38 document:
 * per activity its code, description, status and a summary of what was done, and the unfinished
 * activities to carry over to a successor plan. As HTML to read, and as an OpenDocument text (ODT)
 * a secretariat can edit in LibreOffice or Word.
 */
@Component
public class ImplementationReport {

    /** One row of the report. */
    public record Row(String code, String theme, String description, String timeframe, ActivityStatus status,
                      String summary) {
    }

    private final WorkPlanService workPlans;
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public ImplementationReport(WorkPlanService workPlans) {
        this.workPlans = workPlans;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("reports/");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setTemplateMode(TemplateMode.HTML);
        ClassLoaderTemplateResolver xml = new ClassLoaderTemplateResolver();
        xml.setPrefix("reports/");
        xml.setCharacterEncoding("UTF-8");
        xml.setTemplateMode(TemplateMode.XML);
        xml.setResolvablePatterns(java.util.Set.of("*.xml"));
        xml.setOrder(1);
        resolver.setOrder(2);
        engine.addTemplateResolver(xml);
        engine.addTemplateResolver(resolver);
    }

    public List<Row> rows(String planReference) {
        Map<String, List<WorkPlanService.LogEntry>> log = workPlans.logEntries(planReference).stream()
                .collect(Collectors.groupingBy(WorkPlanService.LogEntry::activityCode));
        return workPlans.activities(planReference).stream()
                .map(a -> new Row(a.code(), a.themeCode(), a.description(), a.timeframe(), a.status(),
                        log.getOrDefault(a.code(), List.of()).stream()
                                .map(e -> e.entryDate() + ": " + e.text()).collect(Collectors.joining("\n"))))
                .toList();
    }

    public String html(String planReference) {
        return engine.process("implementation-report.html", context(planReference));
    }

    /** An ODT package: the mimetype entry first and uncompressed, as the OpenDocument standard requires. */
    public byte[] odt(String planReference) {
        String content = engine.process("implementation-report-content.xml", context(planReference));
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>
                    """.strip().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the report of " + planReference, e);
        }
    }

    private Context context(String planReference) {
        List<Row> rows = rows(planReference);
        // The template's model (not process variables).
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("plan", workPlans.get(planReference));
        model.put("planThemes", workPlans.themes(planReference));
        model.put("rows", rows);
        model.put("unfinished", rows.stream().filter(r -> !r.status().isFinished()).toList());
        model.put("today", RegisterClock.today());
        Context context = new Context();
        context.setVariables(model);
        return context;
    }
}
