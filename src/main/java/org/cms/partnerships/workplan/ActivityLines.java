package org.cms.partnerships.workplan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cms.partnerships.common.InvalidInputException;

/**
 * Reads the lines officers type in the forms (no database: the callers check them against the plan).
 * <ul>
 *   <li>activities: {@code code | timeframe | description | funding | lead}, funding "yes" when subject to
 *       external funding, lead CMS, the partner or Joint (both optional); the theme is the code's
 *       letters; {@code code | remove} takes an activity out;</li>
 *   <li>drops: {@code code | reason}, an unfinished activity of the predecessor not carried over.</li>
 * </ul>
 */
final class ActivityLines {

    private ActivityLines() {
    }

    /** What the activity lines say: activities to add or change (by line number), and codes to remove. */
    record Typed(List<ActivityImport.Line> activities, List<Removal> removals) {
    }

    record Removal(int lineNumber, String code) {
    }

    static Typed parse(String text) {
        List<ActivityImport.Line> lines = new ArrayList<>();
        List<Removal> removals = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Typed(lines, removals);
        }
        String[] rows = text.strip().split("\\R");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String[] cells = rows[i].split("\\|", -1);
            String code = cells[0].trim().toUpperCase();
            if (cells.length == 2 && cells[1].trim().equalsIgnoreCase("remove")) {
                removals.add(new Removal(i + 1, code));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            fields.put("code", code);
            fields.put("theme", code.replaceAll("\\d.*", ""));
            fields.put("timeframe", cells.length > 1 ? cells[1].trim() : "");
            fields.put("description", cells.length > 2 ? cells[2].trim() : "");
            fields.put("externalFunding", cells.length > 3 ? cells[3].trim() : "");
            fields.put("lead", cells.length > 4 ? cells[4].trim() : "");
            lines.add(new ActivityImport.Line(i + 1, fields));
        }
        return new Typed(lines, removals);
    }

    /**
     * The activities to drop, code to reason, in the order given; refuses with every problem (a code
     * that is not an unfinished activity of the predecessor, a missing reason).
     */
    static Map<String, String> drops(String text, Set<String> unfinished, String predecessor) {
        Map<String, String> drops = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            String code = parts[0].trim().toUpperCase();
            String reason = parts.length > 1 ? parts[1].trim() : "";
            if (!unfinished.contains(code)) {
                problems.add("%s is not an unfinished activity of %s".formatted(code, predecessor));
            } else if (reason.length() < 5) {
                problems.add("Give the reason for dropping %s (CODE | reason)".formatted(code));
            } else {
                drops.put(code, reason);
            }
        }
        InvalidInputException.throwIfAny(problems);
        return drops;
    }
}
