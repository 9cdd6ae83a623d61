package org.cms.partnerships.engine.variables;

import java.util.List;
import org.cms.partnerships.common.InvalidInputException;

/** A value that does not read as its variable's type: a refusal the user can act on (400). */
public class InvalidValueException extends InvalidInputException {

    private final transient ProcessVariable<?> variable;

    public InvalidValueException(ProcessVariable<?> variable, String problem) {
        super(List.of(problem));
        this.variable = variable;
    }

    public ProcessVariable<?> variable() {
        return variable;
    }
}
