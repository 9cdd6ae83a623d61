package org.cms.partnerships.engine.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.common.InvalidInputException;

/**
 * The one way input is checked, whether it comes from a Tasklist form (a task's complete listener, a
 * start listener) or a REST body: read each field through its {@link ProcessVariable}, collect every
 * problem, then {@link #throwIfInvalid()} so the user sees all of them at once and nothing is written.
 *
 * <pre>
 * FormInput input = FormInput.of(task);
 * LegalDecision decision = input.required(LEGAL_DECISION);
 * String comments = input.optionalText(LEGAL_COMMENTS);
 * input.check(decision != CHANGES_REQUIRED || comments.length() >= 10, "Say which changes are required");
 * input.throwIfInvalid();
 * </pre>
 */
public final class FormInput {

    private final Function<String, Object> source;
    private final List<String> problems = new ArrayList<>();

    private FormInput(Function<String, Object> source) {
        this.source = source;
    }

    public static FormInput of(VariableScope scope) {
        return new FormInput(scope::getVariable);
    }

    public static FormInput of(Map<String, ?> values) {
        return new FormInput(values::get);
    }

    /** The value; a problem ("The title is required") when missing or unreadable. */
    public <T> T required(ProcessVariable<T> variable) {
        T value = read(variable);
        if (value == null && !failed(variable)) {
            problems.add("The " + variable.label() + " is required");
        }
        return value;
    }

    /** The value, or null when not given; a problem when given but unreadable. */
    public <T> T optional(ProcessVariable<T> variable) {
        return read(variable);
    }

    /** A required text of at least {@code minLength} characters; never null. */
    public String text(ProcessVariable<String> variable, int minLength) {
        String text = optionalText(variable);
        if (text.isEmpty()) {
            problems.add("The " + variable.label() + " is required");
        } else if (text.length() < minLength) {
            problems.add("The %s must have at least %d characters".formatted(variable.label(), minLength));
        }
        return text;
    }

    /** An optional text, empty when not given; never null. */
    public String optionalText(ProcessVariable<String> variable) {
        String text = read(variable);
        return text == null ? "" : text;
    }

    /**
     * A web address (http:// or https://, no spaces), or empty when not given and not {@code required}.
     * Forms leave this check to the server: Camunda Forms would show its pattern as a regular expression.
     */
    public String webAddress(ProcessVariable<String> variable, boolean required) {
        String url = required ? text(variable, 1) : optionalText(variable);
        check(url.isEmpty() || url.matches("https?://\\S+"),
                "The %s must be a web address starting with http:// or https://".formatted(variable.label()));
        return url;
    }

    /** Adds {@code problem} unless {@code ok}. */
    public FormInput check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    public FormInput problem(String problem) {
        problems.add(problem);
        return this;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Refuses the input (400 over REST, the message in Tasklist) with every problem found. */
    public void throwIfInvalid() {
        InvalidInputException.throwIfAny(problems);
    }

    private final List<String> unreadable = new ArrayList<>();

    private <T> T read(ProcessVariable<T> variable) {
        try {
            return variable.readInput(source.apply(variable.name()));
        } catch (InvalidValueException e) {
            unreadable.add(variable.name());
            problems.addAll(e.problems());
            return null;
        }
    }

    private boolean failed(ProcessVariable<?> variable) {
        return unreadable.contains(variable.name());
    }
}
