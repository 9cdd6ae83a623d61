package org.cms.partnerships.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The benchmark's measurements: per operation the durations of its runs, printed as a table (n,
 * mean, p50, p95, max, per second) and written as CSV. Totals (a sweep, a start) are one run each.
 */
final class Figures {

    record Row(String section, String operation, List<Long> nanos, String note) {

        double percentile(int percent) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        double mean() {
            return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        }

        double max() {
            return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Runs {@code run} {@code runs} times after {@code warmUp} uncounted runs; returns the counted durations. */
    List<Long> time(String section, String operation, int warmUp, int runs, IntConsumer run) {
        for (int i = 0; i < warmUp; i++) {
            run.accept(i);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = warmUp; i < warmUp + runs; i++) {
            long start = System.nanoTime();
            run.accept(i);
            nanos.add(System.nanoTime() - start);
        }
        add(section, operation, nanos, "");
        return nanos;
    }

    void add(String section, String operation, List<Long> nanos, String note) {
        rows.put(section + "|" + operation, new Row(section, operation, List.copyOf(nanos), note));
    }

    void total(String section, String operation, long nanos, String note) {
        add(section, operation, List.of(nanos), note);
    }

    Row row(String section, String operation) {
        return rows.get(section + "|" + operation);
    }

    void note(String text) {
        notes.add(text);
    }

    String table(String title) {
        StringBuilder out = new StringBuilder("\n" + title + "\n");
        String format = "%-14s %-66s %6s %10s %10s %10s %10s %9s  %s%n";
        out.append(format.formatted("section", "operation", "n", "mean ms", "p50 ms", "p95 ms", "max ms", "per s", "note"));
        for (Row row : rows.values()) {
            out.append(format.formatted(row.section(), row.operation(), row.nanos().size(), "%.1f".formatted(row.mean()),
                    "%.1f".formatted(row.percentile(50)), "%.1f".formatted(row.percentile(95)), "%.1f".formatted(row.max()),
                    row.mean() > 0 ? "%.1f".formatted(1000 / row.mean()) : "", row.note()));
        }
        notes.forEach(note -> out.append("* ").append(note).append('\n'));
        return out.toString();
    }

    void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("section,operation,n,mean_ms,p50_ms,p95_ms,max_ms,note\n");
        for (Row row : rows.values()) {
            csv.append("%s,%s,%d,%.2f,%.2f,%.2f,%.2f,%s%n".formatted(quote(row.section()), quote(row.operation()),
                    row.nanos().size(), row.mean(), row.percentile(50), row.percentile(95), row.max(), quote(row.note())));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
