package org.cms.partnerships.agreement.suspension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a suspension request as it starts, from Tasklist or REST alike. Any problem refuses the
 * start with every problem listed; the transaction rolls back, so no instance and no record remain.
 */
@Component("suspensionRequestValidation")
class SuspensionRequestValidation implements ExecutionListener {

    private final AgreementChecks checks;

    SuspensionRequestValidation(AgreementChecks checks) {
        this.checks = checks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String grounds = text(execution, SuspensionProcess.GROUNDS);
        String reason = text(execution, SuspensionProcess.REASON);
        Optional<Agreement> agreement = checks.agreement(execution, problems);
        if (agreement.isPresent()) {
            String reference = agreement.get().reference();
            if (!agreement.get().status().canChangeTo(AgreementStatus.SUSPENDED)) {
                problems.add("Agreement %s is %s; only an agreement in force or dormant can be suspended"
                        .formatted(reference, agreement.get().status()));
            } else if (checks.otherInstanceRunning(execution, SuspensionProcess.KEY, reference)) {
                problems.add("A suspension of %s is already under way".formatted(reference));
            }
        }
        if (Arrays.stream(SuspensionProcess.Grounds.values()).noneMatch(g -> g.name().equals(grounds))) {
            problems.add("Grounds must be one of " + Arrays.toString(SuspensionProcess.Grounds.values()));
        }
        if (reason.length() < 10) {
            problems.add("Give the reason for the suspension (at least 10 characters)");
        }
        InvalidInputException.throwIfAny(problems);

        Agreement a = agreement.orElseThrow();
        execution.setProcessBusinessKey(a.reference());
        AgreementChecks.describe(execution, a);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? "" : value.toString().trim();
    }
}
