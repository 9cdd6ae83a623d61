package org.cms.partnerships.engine.variables;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;
import org.cms.partnerships.common.RegisterClock;

/**
 * Turns what forms and REST clients send into Java values. Camunda Forms submit dates as
 * "2026-12-01", numbers as numbers, checkboxes as booleans and checklists as JSON arrays; REST clients
 * send text. Each reader throws {@link IllegalArgumentException} with the value in plain words;
 * {@link ProcessVariable} adds the field's label.
 */
final class ValueReaders {

    private ValueReaders() {
    }

    static String text(Object value) {
        if (value instanceof byte[]) {
            // Never "[B@79550e43": a file is not text.
            throw new IllegalArgumentException("a file, not text");
        }
        return value == null ? "" : value.toString().trim();
    }

    /** What a value is, in words, for a refusal: "a number", "a file". */
    static String kind(Object value) {
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "yes or no";
        }
        if (value instanceof byte[] || value instanceof java.io.InputStream) {
            return "a file";
        }
        if (value instanceof Collection<?> || value instanceof SpinJsonNode json && json.isArray()) {
            return "a list";
        }
        if (value instanceof Date) {
            return "a date";
        }
        return "an object";
    }

    static String shorten(Object value) {
        if (value instanceof byte[]) {
            return "(a file)";
        }
        String text = text(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(value).toLowerCase();
        return switch (text) {
            case "" -> null;
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not yes or no");
        };
    }

    static Integer integer(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        double number = Double.parseDouble(text);
        if (number != Math.rint(number)) {
            throw new IllegalArgumentException("not a whole number");
        }
        return (int) number;
    }

    static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), RegisterClock.SECRETARIAT_ZONE);
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            // Forms may send a date-time ("2026-12-01T00:00:00"): the day is what counts.
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD)", e);
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, Object value) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }

    static List<String> textList(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(ValueReaders::text).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof SpinJsonNode json && json.isArray()) {
            return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString())
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        String text = text(value);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).replace("\"", "");
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A select's options as {@link ProcessVariable#selectOptions} keeps them (a JSON array of label and value). */
    static java.util.Map<String, String> selectOptions(Object value) {
        SpinJsonNode json = value instanceof SpinJsonNode node ? node : org.camunda.spin.Spin.JSON(text(value));
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (SpinJsonNode option : json.elements()) {
            options.put(option.prop("value").stringValue(), option.prop("label").stringValue());
        }
        return options;
    }
}
