package org.cms.partnerships.common;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user can correct (a form, a REST call, start variables). Carries every problem found, so a
 * user fixes them in one go. A {@link BadUserRequestException}, so the engine REST API answers 400
 * and Tasklist shows the message of a refused start; thrown inside a command, it rolls everything back.
 */
public class InvalidInputException extends BadUserRequestException {

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    /** Throws when the checks found anything; callers collect every problem first. */
    public static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * The refusal behind an engine exception: the engine wraps what a task listener throws
     * ("ENGINE-03051 There was an exception while invoking the TaskListener"), and a form submission
     * wraps again. Callers that show the message unwrap it here.
     */
    public static java.util.Optional<InvalidInputException> findIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return java.util.Optional.of(invalid);
            }
        }
        return java.util.Optional.empty();
    }

    public List<String> problems() {
        return problems;
    }
}
