package org.cms.partnerships.copreport;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.register.Language;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as documents: editable Word (Apache POI) and PDF (openhtmltopdf from the Thymeleaf
 * template {@code reports/cop-report.html}), each in a language the report exists in, from one
 * {@link ReportDocument}; and its facts as CSV (one line per record behind a figure).
 */
@Component
public class CopReportDocuments {

    private final CopReportService reports;
    private final MeetingService meetings;
    private final org.thymeleaf.spring6.SpringTemplateEngine html = new org.thymeleaf.spring6.SpringTemplateEngine();

    public CopReportDocuments(CopReportService reports, MeetingService meetings) {
        this.reports = reports;
        this.meetings = meetings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("reports/");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTemplateMode(TemplateMode.HTML);
        html.setTemplateResolver(resolver);
    }

    /** The model of the document in {@code language}; 409 when the report has no text in it yet. */
    public ReportDocument document(String key, Language language) {
        CopReport report = reports.get(key);
        if (!reports.languages(key).contains(language)) {
            throw new ConflictException("%s exists in %s; no %s translation has been received".formatted(key,
                    reports.languages(key), language));
        }
        Map<ReportSection, String> narrative = reports.narrative(key, language);
        if (narrative.isEmpty()) {
            throw new ConflictException("%s has no narrative yet: the officer drafts it first".formatted(key));
        }
        Meeting cop = meetings.get(Meeting.Kind.COP, report.copNumber());
        int previous = meetings.previousCop(cop).map(Meeting::number).orElse(report.copNumber() - 1);
        return ReportDocument.of(report, reports.facts(key), narrative, language, previous);
    }

    public String html(ReportDocument doc) {
        Context context = new Context(ReportTexts.of(doc.language()).locale());
        context.setVariables(Map.of("doc", doc, "none", ReportTexts.of(doc.language()).get("none")));
        return html.process("cop-report.html", context);
    }

    public byte[] pdf(String key, Language language) {
        String page = html(document(key, language));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(page, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of %s cannot be written".formatted(key), e);
        }
    }

    public byte[] docx(String key, Language language) {
        ReportDocument doc = document(key, language);
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable header = word.createTable(1, 2);
            header.setWidth("100%");
            cell(header.getRow(0), 0, List.of(doc.convention()), true);
            List<String> meta = new ArrayList<>(List.of(doc.distribution(), doc.symbol(), doc.date(), doc.original()));
            if (doc.courtesyNote() != null) {
                meta.add(doc.courtesyNote());
            }
            cell(header.getRow(0), 1, meta, false);
            centered(word, doc.meeting(), true, 11);
            centered(word, doc.venueAndDates(), false, 11);
            centered(word, doc.agendaItem(), false, 11);
            centered(word, doc.title(), true, 13);
            centered(word, doc.preparedBy(), false, 11).getRuns().get(0).setItalic(true);
            XWPFParagraph summary = word.createParagraph();
            summary.setBorderTop(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            summary.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            summary.setBorderLeft(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            summary.setBorderRight(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            XWPFRun label = summary.createRun();
            label.setBold(true);
            label.setText(doc.summaryHeading() + " ");
            summary.createRun().setText(doc.summary());
            for (ReportDocument.Section section : doc.sections()) {
                XWPFParagraph heading = word.createParagraph();
                heading.setStyle("Heading2");
                XWPFRun run = heading.createRun();
                run.setBold(true);
                run.setFontSize(12);
                run.setText(section.heading());
                for (ReportDocument.Paragraph p : section.paragraphs()) {
                    XWPFParagraph paragraph = word.createParagraph();
                    paragraph.setAlignment(ParagraphAlignment.BOTH);
                    paragraph.createRun().setText(p.number() > 0 ? p.number() + ". " + p.text() : p.text());
                }
                for (ReportDocument.Table table : section.tables()) {
                    XWPFParagraph caption = word.createParagraph();
                    XWPFRun captionRun = caption.createRun();
                    captionRun.setBold(true);
                    captionRun.setFontSize(9);
                    captionRun.setText(table.title());
                    List<List<String>> rows = table.rows().isEmpty()
                            ? List.of(emptyRow(table.headers().size(), ReportTexts.of(doc.language()).get("none"))) : table.rows();
                    XWPFTable grid = word.createTable(rows.size() + 1, table.headers().size());
                    grid.setWidth("100%");
                    for (int c = 0; c < table.headers().size(); c++) {
                        cell(grid.getRow(0), c, List.of(table.headers().get(c)), true);
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < table.headers().size(); c++) {
                            cell(grid.getRow(r + 1), c, List.of(rows.get(r).get(c)), false);
                        }
                    }
                    word.createParagraph();
                }
            }
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The Word document of %s cannot be written".formatted(key), e);
        }
    }

    private static List<String> emptyRow(int columns, String none) {
        List<String> row = new ArrayList<>();
        row.add(none);
        while (row.size() < columns) {
            row.add("");
        }
        return row;
    }

    private static XWPFParagraph centered(XWPFDocument word, String text, boolean bold, int size) {
        XWPFParagraph paragraph = word.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setFontSize(size);
        run.setText(text);
        return paragraph;
    }

    private static void cell(XWPFTableRow row, int column, List<String> lines, boolean bold) {
        var cell = row.getCell(column);
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        for (int i = 0; i < lines.size(); i++) {
            XWPFRun run = paragraph.createRun();
            run.setBold(bold);
            run.setFontSize(9);
            run.setText(lines.get(i));
            if (i < lines.size() - 1) {
                run.addBreak();
            }
        }
    }

    // ------------------------------------------------------------------ facts as CSV

    /** One line per record behind a figure: which figure, the record, the partner, its category, the date, the detail. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"figure", "reference", "partner", "category", "date", "detail"})
    public record FactRow(String figure, String reference, String partner, String category, String date, String detail) {
    }

    public static List<FactRow> rows(Facts f) {
        List<FactRow> rows = new ArrayList<>();
        f.formalPartners().forEach(p -> rows.add(new FactRow("formal partner", String.join(" ", p.agreements()), p.acronym(),
                p.category().name(), str(p.firstSigned()), p.name())));
        f.newPartnerships().forEach(a -> rows.add(new FactRow("new formal partnership", a.reference(), a.partnerAcronym(),
                a.category().name(), str(a.signedOn()), a.meeting() != null ? a.meeting() : nz(a.placeOfSignature()))));
        f.renewals().forEach(r -> rows.add(new FactRow("renewal", r.reference(), r.partnerAcronym(), r.category().name(),
                str(r.signedOn()), "replaces " + r.supersedes())));
        f.terminations().forEach(e -> rows.add(new FactRow("termination", e.reference(), e.partnerAcronym(), e.category().name(),
                str(e.on()), e.status() + ": " + nz(e.reason()))));
        f.pendingInstruments().forEach(p -> rows.add(new FactRow("pending instrument", p.reference(), p.partnerAcronym(),
                p.category().name(), str(p.since()), p.status() + (p.endorsedBy() == null ? "" : "; endorsed by " + p.endorsedBy()))));
        f.dormantPartners().forEach(p -> rows.add(new FactRow("dormant partner", String.join(" ", p.agreements()), p.acronym(),
                p.category().name(), "", p.name())));
        f.workPlansAdopted().forEach(p -> rows.add(plan("joint work plan adopted", p)));
        f.workPlansInImplementation().forEach(p -> rows.add(plan("joint work plan in implementation", p)));
        f.workPlansClosed().forEach(p -> rows.add(plan("joint work plan closed", p)));
        f.deFactoCollaborations().forEach(d -> rows.add(new FactRow("de facto collaboration", "", d.acronym(), d.category().name(),
                str(d.since()), d.name())));
        f.committeeEndorsements().forEach(e -> rows.add(new FactRow("Standing Committee endorsement", e.subjectReference(), "",
                e.subjectType(), str(e.decidedOn()), e.meeting())));
        return rows;
    }

    private static FactRow plan(String figure, Facts.PlanLine p) {
        return new FactRow(figure, p.reference(), p.partnerAcronym(), "", str(p.on()),
                String.join("; ", p.bodies()) + " " + FactsText.activities(p));
    }

    public static String csv(Facts f) {
        CsvMapper csv = CsvMapper.builder()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema schema = csv.schemaFor(FactRow.class).withHeader().withColumnReordering(false);
        try {
            return csv.writer(schema).writeValueAsString(rows(f));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The facts cannot be written as CSV", e);
        }
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
