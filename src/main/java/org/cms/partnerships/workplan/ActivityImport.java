package org.cms.partnerships.workplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a plan's coded activities from CSV (header line: theme, code, description, timeframe,
 * lead, externalFunding, heading) or from a JSON array of objects with the same fields. Every line
 * is checked first; one bad line refuses the whole file with every problem and its line number, and
 * nothing is imported.
 */
@Component
public class ActivityImport {

    static final List<String> COLUMNS = List.of("theme", "code", "description", "timeframe", "lead", "externalFunding", "heading");
    private static final Set<WorkPlanStatus> EDITABLE = EnumSet.of(WorkPlanStatus.DRAFT, WorkPlanStatus.IN_CONSULTATION);

    private final WorkPlanService workPlans;
    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json = new ObjectMapper();

    public ActivityImport(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    public record Line(int number, Map<String, String> fields) {
    }

    /** The register's columns (work_plan_activity): longer text is refused with the line, not cut. */
    private static final Map<String, Integer> MAX_LENGTH = new java.util.LinkedHashMap<>(Map.of(
            "description", 4000, "timeframe", 200, "lead", 100, "heading", 200));

    /** A parser's complaint without its internals ("at [Source: ...]"), with the line and column. */
    private static String plain(Throwable e) {
        if (!(e instanceof com.fasterxml.jackson.core.JsonProcessingException) && e.getCause() != null && e.getCause() != e) {
            return plain(e.getCause());
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
            String message = String.valueOf(parse.getOriginalMessage()).replaceAll("\\s*\\(?start marker at \\[Source:[^]]*][^)]*\\)?", "")
                    .replaceAll("\\s*at \\[Source:.*", "").trim();
            return parse.getLocation() == null ? message
                    : "%s (line %d, column %d)".formatted(message, parse.getLocation().getLineNr(), parse.getLocation().getColumnNr());
        }
        return "the file could not be read";
    }

    @Transactional
    public int importCsv(String planReference, String content) {
        List<Line> lines = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(content)) {
            int number = 1;
            while (rows.hasNextValue()) {
                number++;
                lines.add(new Line(number, rows.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("The file is not readable CSV with a header line: " + plain(e));
        }
        return importLines(planReference, lines, false, List.of(), new ArrayList<>());
    }

    /**
     * CSV pasted into the draft form: the same rules as a file ({@link #importCsv}), every refusal naming
     * its line in the pasted text ("CSV line 3: ..."), since the form has typed lines as well. Empty text
     * imports nothing.
     */
    @Transactional
    public int importPastedCsv(String planReference, String content) {
        if (content == null || content.isBlank()) {
            return 0;
        }
        try {
            return importCsv(planReference, content.strip() + "\n");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(problem -> problem.startsWith("Line ") ? "CSV line " + problem.substring(5) : "CSV: " + problem)
                    .toList());
        }
    }

    @Transactional
    public int importJson(String planReference, String content) {
        JsonNode array;
        try {
            array = json.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException("The file is not valid JSON: " + plain(e));
        }
        if (array == null || !array.isArray()) {
            throw new InvalidInputException("The file must be a JSON array of activities");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Map<String, String> fields = new java.util.HashMap<>();
            JsonNode item = array.get(i);
            COLUMNS.forEach(column -> {
                JsonNode value = item.get(column);
                if (value != null && !value.isNull()) {
                    fields.put(column, value.asText());
                }
            });
            lines.add(new Line(i + 1, fields));
        }
        return importLines(planReference, lines, false, List.of(), new ArrayList<>());
    }

    /**
     * Activities typed in a form, one per line: {@code code | timeframe | description | funding | lead}
     * (funding "yes" when subject to external funding, lead CMS, the partner or Joint; both optional);
     * the theme is the code's letters. A line with a code the plan already has changes that activity,
     * and {@code code | remove} takes it out. Empty text changes nothing.
     *
     * @return how many activities were added, changed or removed
     */
    @Transactional
    public int importTyped(String planReference, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        ActivityLines.Typed typed = ActivityLines.parse(text);
        Set<String> existing = new HashSet<>();
        workPlans.activities(planReference).forEach(a -> existing.add(a.code()));
        List<String> removals = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ActivityLines.Removal removal : typed.removals()) {
            if (existing.contains(removal.code())) {
                removals.add(removal.code());
            } else {
                problems.add("Line %d: there is no activity %s to remove".formatted(removal.lineNumber(), removal.code()));
            }
        }
        List<Line> lines = typed.activities();
        return importLines(planReference, lines, true, removals, problems);
    }

    /**
     * Checks every line, then writes all or nothing. With {@code changeExisting} (the forms) a code
     * the plan already has changes that activity; in a file it is a mistake.
     */
    private int importLines(String planReference, List<Line> lines, boolean changeExisting, List<String> removals,
                            List<String> problems) {
        WorkPlan plan = workPlans.get(planReference);
        if (!EDITABLE.contains(plan.status())) {
            throw new ConflictException("%s is %s: activities are imported while the plan is drafted".formatted(
                    planReference, plan.status()));
        }
        if (lines.isEmpty() && removals.isEmpty() && problems.isEmpty()) {
            throw new InvalidInputException("The file has no activities");
        }
        Set<String> themes = new HashSet<>(workPlans.themeCodes(planReference));
        Set<String> codes = new HashSet<>();
        Set<String> existing = new HashSet<>();
        workPlans.activities(planReference).forEach(a -> existing.add(a.code()));
        if (!changeExisting) {
            codes.addAll(existing);
        }
        List<WorkPlanService.NewActivity> activities = new ArrayList<>();
        for (Line line : lines) {
            List<String> lineProblems = new ArrayList<>();
            String theme = text(line, "theme").toUpperCase();
            String code = text(line, "code").toUpperCase();
            String description = text(line, "description");
            String timeframe = text(line, "timeframe");
            String funding = text(line, "externalFunding").toLowerCase();
            boolean wellFormed = code.matches("[A-Z]{1,3}\\d{1,3}");
            if (!wellFormed) {
                lineProblems.add("code '%s' must be a theme letter and a number, such as B12".formatted(code));
            } else if (!codes.add(code)) {
                lineProblems.add("code %s is already in the plan or earlier in the file".formatted(code));
            }
            if (!themes.contains(theme)) {
                lineProblems.add("theme '%s' is not one of the plan's themes %s".formatted(theme, themes));
            } else if (wellFormed && !code.startsWith(theme)) {
                lineProblems.add("code %s does not belong to theme %s".formatted(code, theme));
            }
            if (description.length() < 5) {
                lineProblems.add("the description is missing");
            }
            if (timeframe.isEmpty()) {
                lineProblems.add("the timeframe is missing (a year, a span, On-going ...)");
            }
            for (Map.Entry<String, Integer> column : MAX_LENGTH.entrySet()) {
                int length = text(line, column.getKey()).length();
                if (length > column.getValue()) {
                    lineProblems.add("the %s is %d characters long; at most %d fit".formatted(column.getKey(), length,
                            column.getValue()));
                }
            }
            if (!funding.isEmpty() && !List.of("true", "false", "yes", "no").contains(funding)) {
                lineProblems.add("external funding must be yes or no (true or false also do), not '%s'".formatted(funding));
            }
            lineProblems.forEach(p -> problems.add("Line %d: %s".formatted(line.number(), p)));
            activities.add(new WorkPlanService.NewActivity(theme, code, emptyToNull(text(line, "heading")), description,
                    timeframe, emptyToNull(text(line, "lead")), funding.equals("true") || funding.equals("yes")));
        }
        InvalidInputException.throwIfAny(problems);
        for (WorkPlanService.NewActivity activity : activities) {
            if (existing.contains(activity.code())) {
                workPlans.changeActivity(planReference, activity);
            } else {
                workPlans.addActivity(planReference, activity);
            }
        }
        removals.forEach(code -> workPlans.removeActivity(planReference, code));
        return activities.size() + removals.size();
    }

    private static String text(Line line, String column) {
        String value = line.fields().get(column);
        return value == null ? "" : value.trim();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
