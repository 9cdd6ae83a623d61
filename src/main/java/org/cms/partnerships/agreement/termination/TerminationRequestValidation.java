package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses a termination without grounds or reason, or of an agreement that no longer binds; a second
 * termination under way is refused by the database (exclusive key, 409).
 */
@Component("terminationRequestValidation")
class TerminationRequestValidation implements ExecutionListener {

    private final AgreementChecks checks;

    TerminationRequestValidation(AgreementChecks checks) {
        this.checks = checks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput input = FormInput.of(execution);
        Agreement agreement = checks.agreement(input).orElse(null);
        if (agreement != null) {
            input.check(AgreementStatus.EFFECTIVE.contains(agreement.status()),
                    "%s is %s: only an agreement in force, dormant or suspended can be terminated"
                            .formatted(agreement.reference(), agreement.status()));
        }
        input.required(GROUNDS);
        input.text(REASON, 10);
        LocalDate effective = input.optional(EFFECTIVE_ON);
        input.throwIfInvalid();
        execution.setProcessBusinessKey(businessKey(agreement.reference()));
        AgreementChecks.describe(execution, agreement);
        EFFECTIVE_ON.set(execution, effective == null ? RegisterClock.today() : effective);
    }
}
