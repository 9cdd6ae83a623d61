package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/** Refuses a termination without reason, of an agreement not binding, or a second one under way. */
@Component("terminationRequestValidation")
class TerminationRequestValidation implements ExecutionListener {

    private final AgreementChecks checks;

    TerminationRequestValidation(AgreementChecks checks) {
        this.checks = checks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Agreement agreement = checks.agreement(execution, problems).orElse(null);
        String reference = agreement == null ? null : agreement.reference();
        if (agreement == null) {
            // reported
        } else if (!AgreementStatus.EFFECTIVE.contains(agreement.status())) {
            problems.add("%s is %s: only an agreement in force, dormant or suspended can be terminated"
                    .formatted(reference, agreement.status()));
        } else if (checks.otherInstanceRunning(execution, KEY, reference + "/termination")) {
            problems.add("A termination of %s is already under way".formatted(reference));
        }
        FormValues.enumValue(Grounds.class, execution.getVariable(GROUNDS), "grounds", problems);
        FormValues.requiredText(execution.getVariable(REASON), "reason for the termination", 10, problems);
        LocalDate effective = FormValues.text(execution.getVariable(EFFECTIVE_ON)).isEmpty() ? RegisterClock.today()
                : FormValues.date(execution.getVariable(EFFECTIVE_ON), "date the termination takes effect", problems);
        InvalidInputException.throwIfAny(problems);
        execution.setProcessBusinessKey(reference + "/termination");
        AgreementChecks.describe(execution, agreement);
        execution.setVariable(EFFECTIVE_ON, effective.toString());
    }
}
