package org.cms.partnerships.engine.variables;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable: its name, its Java type and how a value reads from and writes to the engine.
 * Each process class owns the descriptors of its variables ({@code AgreementProcess.LEGAL_DECISION});
 * delegates, form checks, facades and tests use them, so a variable's name is written once.
 *
 * <p>Values are kept in the engine in the form Tasklist's forms read and write: enums and dates as
 * text ({@code "APPROVED"}, {@code "2026-12-01"}), lists as a Java list. Reading accepts what forms
 * and REST clients send (text, numbers, booleans, JSON arrays) and turns it into the type; a value that
 * cannot be read raises {@link InvalidValueException} with a sentence naming the field.
 *
 * @param <T> the type delegates work with
 */
public final class ProcessVariable<T> {

    private final String name;
    private final String label;
    private final Class<?> type;
    private final Function<Object, T> reader;
    private final Function<T, Object> writer;
    /** Characters a text (or a list of texts, joined) may have as input: its register column or what the engine keeps. */
    private final int maxLength;

    /** What the engine keeps of a text, and the widest text column of the register. */
    public static final int MAX_TEXT = 4000;

    private ProcessVariable(String name, String label, Class<?> type, Function<Object, T> reader, Function<T, Object> writer) {
        this(name, label, type, reader, writer, MAX_TEXT);
    }

    private ProcessVariable(String name, String label, Class<?> type, Function<Object, T> reader, Function<T, Object> writer,
                            int maxLength) {
        this.name = Objects.requireNonNull(name);
        this.label = label;
        this.type = type;
        this.reader = reader;
        this.writer = writer;
        this.maxLength = maxLength;
    }

    // ------------------------------------------------------------------ factories

    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, words(name), String.class, raw -> {
            String text = ValueReaders.text(raw);
            return text.isEmpty() ? null : text;
        }, value -> value);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return new ProcessVariable<>(name, words(name), Boolean.class, ValueReaders::bool, value -> value);
    }

    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name, words(name), Integer.class, ValueReaders::integer, value -> value);
    }

    /** A calendar day, kept as ISO text so Camunda Forms' date fields show and submit it. */
    public static ProcessVariable<LocalDate> date(String name) {
        return new ProcessVariable<>(name, words(name), LocalDate.class, ValueReaders::date,
                value -> value == null ? null : value.toString());
    }

    /** A point in time, kept as a {@link Date}: the engine's timers read it. */
    public static ProcessVariable<Date> instant(String name) {
        return new ProcessVariable<>(name, words(name), Date.class, raw -> (Date) raw, value -> value);
    }

    /** A decision or category, kept as the constant's name, which is what forms submit. */
    public static <E extends Enum<E>> ProcessVariable<E> choice(String name, Class<E> type) {
        return new ProcessVariable<>(name, words(name), type, raw -> ValueReaders.choice(type, raw),
                value -> value == null ? null : value.name());
    }

    /** A list of texts (a checklist in a form, or a list in REST), kept as a Java list. */
    public static ProcessVariable<List<String>> textList(String name) {
        return new ProcessVariable<>(name, words(name), List.class, ValueReaders::textList,
                value -> value == null ? null : new java.util.ArrayList<>(value));
    }

    /**
     * The options of a form's select ({@code valuesKey}), value to label in their order. Kept as a JSON
     * variable: Tasklist parses JSON variables before it gives them to the form, which reads the
     * options as {@code [{"label": ..., "value": ...}]}.
     */
    public static ProcessVariable<Map<String, String>> selectOptions(String name) {
        return new ProcessVariable<>(name, words(name), Map.class, ValueReaders::selectOptions, value -> {
            var options = org.camunda.spin.Spin.JSON("[]");
            value.forEach((optionValue, label) -> options.append(org.camunda.spin.Spin.JSON("{}")
                    .prop("label", label).prop("value", optionValue)));
            return org.camunda.spin.plugin.variable.SpinValues.jsonValue(options).create();
        });
    }

    /** A variable whose value the engine keeps as it is (decision results, maps). */
    @SuppressWarnings("unchecked")
    public static <V> ProcessVariable<V> object(String name, Class<? super V> type) {
        return new ProcessVariable<>(name, words(name), type, raw -> (V) raw, value -> value);
    }

    /** The same variable, named for people in refusals ("the date of signature"). */
    public ProcessVariable<T> labelled(String label) {
        return new ProcessVariable<>(name, label, type, reader, writer, maxLength);
    }

    /** The same variable, refusing input longer than {@code characters} (the register column it goes to). */
    public ProcessVariable<T> maxLength(int characters) {
        return new ProcessVariable<>(name, label, type, reader, writer, characters);
    }

    public int maxLength() {
        return maxLength;
    }

    // ------------------------------------------------------------------ reading

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public Class<?> type() {
        return type;
    }

    /** The value, which the process guarantees at this point; a missing value is a modelling error. */
    public T from(VariableScope scope) {
        T value = read(scope.getVariable(name));
        if (value == null) {
            throw new IllegalStateException("Process variable '%s' is not set".formatted(name));
        }
        return value;
    }

    /** The value, or empty when not set (or blank). */
    public Optional<T> optionalFrom(VariableScope scope) {
        return Optional.ofNullable(read(scope.getVariable(name)));
    }

    /** The value, or null when not set (or blank). */
    public T orNull(VariableScope scope) {
        return read(scope.getVariable(name));
    }

    /** The value from a map of variables (a REST body, a variable map), or null. */
    public T from(Map<String, ?> variables) {
        return read(variables.get(name));
    }

    /**
     * Reads what a user or client sent, stricter than {@link #read}: a text must be text (not a number, a list,
     * a file or an object, which would otherwise be kept as {@code [B@79550e43} or {@code {a=1}}), hold no
     * control characters (NUL, which PostgreSQL cannot keep) and fit its register column.
     */
    public T readInput(Object raw) {
        if (raw instanceof CharSequence || raw == null) {
            checkText(raw == null ? "" : raw.toString(), raw);
        } else if (type == String.class) {
            throw new InvalidValueException(this, "The %s must be text, not %s".formatted(label, ValueReaders.kind(raw)));
        } else if (type == List.class && (raw instanceof Number || raw instanceof Boolean || raw instanceof Map<?, ?>
                || raw instanceof byte[])) {
            throw new InvalidValueException(this, "The %s must be a list of texts, not %s".formatted(label, ValueReaders.kind(raw)));
        } else if (type == List.class && raw instanceof Collection<?> items) {
            for (Object item : items) {
                if (item != null && !(item instanceof CharSequence)) {
                    throw new InvalidValueException(this, "The %s must be a list of texts, not of %s".formatted(label,
                            ValueReaders.kind(item)));
                }
                checkText(item == null ? "" : item.toString(), item);
            }
        }
        T value = read(raw);
        if (value instanceof List<?> list && String.join(", ", list.stream().map(String::valueOf).toList()).length() > maxLength) {
            throw new InvalidValueException(this, "The %s take %d characters together; at most %d fit".formatted(label,
                    String.join(", ", list.stream().map(String::valueOf).toList()).length(), maxLength));
        }
        return value;
    }

    private void checkText(String text, Object raw) {
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new InvalidValueException(this, "The %s contains a control character (such as NUL); remove it".formatted(label));
        }
        if (type == String.class && text.trim().length() > maxLength) {
            throw new InvalidValueException(this, "The %s is %d characters long; at most %d fit. Shorten it".formatted(label,
                    text.trim().length(), maxLength));
        }
    }

    /** Reads a raw value as this variable's type; throws {@link InvalidValueException} naming the field. */
    public T read(Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return reader.apply(raw);
        } catch (InvalidValueException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() == null || e instanceof NumberFormatException ? "not a number" : e.getMessage();
            throw new InvalidValueException(this, "The %s '%s' is %s".formatted(label, ValueReaders.shorten(raw), why));
        } catch (RuntimeException e) {
            throw new InvalidValueException(this, "The %s '%s' cannot be read".formatted(label, ValueReaders.shorten(raw)));
        }
    }

    // ------------------------------------------------------------------ writing

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, writer.apply(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, writer.apply(value));
    }

    /** Puts the value into a map of variables (to start a process, correlate a message, complete a task). */
    public Map<String, Object> putIn(Map<String, Object> variables, T value) {
        variables.put(name, writer.apply(value));
        return variables;
    }

    /** The engine's form of a value, for maps built by hand. */
    public Object engineValue(T value) {
        return writer.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    /** "legalDecision" reads as "legal decision" until a process gives a better label. */
    static String words(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }

    /** Names of a group of variables, for a whitelist or a query. */
    public static List<String> names(Collection<? extends ProcessVariable<?>> variables) {
        return variables.stream().map(ProcessVariable::name).toList();
    }
}
