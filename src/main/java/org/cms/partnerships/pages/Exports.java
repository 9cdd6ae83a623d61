package org.cms.partnerships.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every list of the register pages as CSV (UTF-8 with a byte order mark, so Excel reads accents) and as
 * Excel (XLSX, dates as real dates, header frozen). The same rows go to both.
 */
public final class Exports {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Exports() {
    }

    /** A list as columns and rows of values (text, numbers, dates, instants, booleans or null). */
    public record Table(String name, List<String> columns, List<List<Object>> rows) {

        public static Table of(String name, String... columns) {
            return new Table(name, List.of(columns), new ArrayList<>());
        }

        public Table row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("%d values for %d columns".formatted(values.length, columns.size()));
            }
            rows.add(java.util.Arrays.asList(values));
            return this;
        }
    }

    /** {@code format} "csv" or "xlsx"; anything else is a 404, as for a page that does not exist. */
    public static ResponseEntity<byte[]> download(Table table, String format) {
        return switch (format) {
            case "csv" -> file(table, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), csv(table));
            case "xlsx" -> file(table, "xlsx", XLSX, xlsx(table));
            default -> throw new NotFoundException("No export as '" + format + "': csv or xlsx");
        };
    }

    private static ResponseEntity<byte[]> file(Table table, String extension, MediaType type, byte[] body) {
        String filename = table.name() + "-" + RegisterClock.today() + "." + extension;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(type).body(body);
    }

    static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(table.columns()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(csvCell(values.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a text starting like a formula is prefixed with ' so a spreadsheet shows it as text. */
    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant at ? LocalDateTime.ofInstant(at, RegisterClock.SECRETARIAT_ZONE).toString()
                : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n].*") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static byte[] xlsx(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "CMS Partnerships", "1.0");
            Worksheet sheet = workbook.newWorksheet(table.name());
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c));
                sheet.width(c, 18);
            }
            sheet.range(0, 0, 0, table.columns().size() - 1).style().bold().fillColor("E8EBEF").set();
            sheet.freezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r + 1, c, row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof LocalDate day) {
            sheet.value(r, c, day);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Instant at) {
            sheet.value(r, c, LocalDateTime.ofInstant(at, RegisterClock.SECRETARIAT_ZONE));
            sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value instanceof Boolean flag) {
            sheet.value(r, c, flag);
        } else {
            sheet.value(r, c, value.toString());
        }
    }
}
