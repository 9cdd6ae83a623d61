package org.cms.partnerships.engine.variables;

import java.util.HashMap;
import java.util.Map;

/**
 * Values for a start, a message or a task completion, written through their descriptors:
 * {@code ProcessValues.of(LEGAL_DECISION, APPROVED).and(LEGAL_COMMENTS, "...").asMap()}.
 * {@link #raw} puts a value as a form or a REST client would send it, to prove how bad input is refused.
 */
public final class ProcessValues {

    private final Map<String, Object> values = new HashMap<>();

    private ProcessValues() {
    }

    public static ProcessValues empty() {
        return new ProcessValues();
    }

    public static <T> ProcessValues of(ProcessVariable<T> variable, T value) {
        return new ProcessValues().and(variable, value);
    }

    public <T> ProcessValues and(ProcessVariable<T> variable, T value) {
        variable.putIn(values, value);
        return this;
    }

    /** The value as sent by a client, unchecked: text where a date is expected, an unknown choice... */
    public ProcessValues raw(ProcessVariable<?> variable, Object value) {
        values.put(variable.name(), value);
        return this;
    }

    public Map<String, Object> asMap() {
        return new HashMap<>(values);
    }
}
