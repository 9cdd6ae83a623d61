package org.cms.partnerships.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads values that come from forms and REST calls into process variables. Camunda Forms submit
 * dates as "2026-12-01" and numbers as numbers; REST callers send text. Each reader reports a
 * readable problem into the list instead of failing, so a user sees every problem at once.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    public static LocalDate date(Object value, String what, List<String> problems) {
        if (value instanceof java.util.Date date) {
            return LocalDate.ofInstant(date.toInstant(), RegisterClock.SECRETARIAT_ZONE);
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = text(value);
        if (text.isEmpty()) {
            problems.add("The " + what + " is required");
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add("The %s '%s' is not a date (YYYY-MM-DD)".formatted(what, text));
            return null;
        }
    }

    public static Integer positiveInt(Object value, String what, List<String> problems) {
        String text = text(value);
        try {
            int number = text.contains(".") ? (int) Double.parseDouble(text) : Integer.parseInt(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(text.isEmpty() ? "The " + what + " is required"
                : "The %s '%s' is not a positive number".formatted(what, text));
        return null;
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String what, List<String> problems) {
        String text = text(value);
        if (text.isEmpty()) {
            problems.add("The " + what + " is required");
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add("Unknown %s '%s'; expected one of %s".formatted(what, text,
                    Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /**
     * A list from a form or REST: a JSON array (Camunda Forms checklist, as a Spin JSON variable), a
     * Java collection, or comma-separated text.
     */
    public static java.util.List<String> list(Object value) {
        if (value == null) {
            return java.util.List.of();
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.stream().map(FormValues::text).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString())
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        String text = text(value);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).replace("\"", "");
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A checkbox: true, false, or a problem when it was not answered. */
    public static Boolean bool(Object value, String what, List<String> problems) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(value);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add("Answer: " + what);
        return null;
    }

    /** A required free text of at least {@code minLength} characters. */
    public static String requiredText(Object value, String what, int minLength, List<String> problems) {
        String text = text(value);
        if (text.length() < minLength) {
            problems.add(text.isEmpty() ? "The " + what + " is required"
                    : "The %s must have at least %d characters".formatted(what, minLength));
        }
        return text;
    }
}
