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

    public List<String> problems() {
        return problems;
    }
}
