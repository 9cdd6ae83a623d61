package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.suspension.SuspensionProcess.*;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.engine.variables.InvalidValueException;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a suspension request as it starts, from Tasklist or REST alike. Any problem refuses the
 * start with every problem listed; the transaction rolls back, so no instance and no record remain.
 * A second suspension of the same agreement is refused by the database (exclusive key, 409).
 */
@Component("suspensionRequestValidation")
class SuspensionRequestValidation implements ExecutionListener {

    private final AgreementChecks checks;

    SuspensionRequestValidation(AgreementChecks checks) {
        this.checks = checks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput input = FormInput.of(execution);
        Optional<Agreement> agreement = checks.agreement(input);
        agreement.ifPresent(a -> input.check(a.status().canChangeTo(AgreementStatus.SUSPENDED),
                "Agreement %s is %s; only an agreement in force or dormant can be suspended".formatted(a.reference(), a.status())));
        input.check(grounds(execution) != null, "Grounds must be one of " + Arrays.toString(Grounds.values()));
        String reason = input.optionalText(REASON);
        input.check(reason.length() >= 10, "Give the reason for the suspension (at least 10 characters)");
        input.throwIfInvalid();

        Agreement a = agreement.orElseThrow();
        execution.setProcessBusinessKey(a.reference());
        AgreementChecks.describe(execution, a);
    }

    private static Grounds grounds(DelegateExecution execution) {
        try {
            return GROUNDS.orNull(execution);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
