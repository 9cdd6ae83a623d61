package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_TITLE;
import static org.cms.partnerships.agreement.AgreementVariables.PARTNER_ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.PARTNER_NAME;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a suspension request as it starts, from Tasklist or REST alike. Any problem refuses the
 * start with every problem listed; the transaction rolls back, so no instance and no record remain.
 */
@Component("suspensionRequestValidation")
class SuspensionRequestValidation implements ExecutionListener {

    private final AgreementService agreements;
    private final RuntimeService runtime;

    SuspensionRequestValidation(AgreementService agreements, RuntimeService runtime) {
        this.agreements = agreements;
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String reference = text(execution, AGREEMENT_REFERENCE).toUpperCase();
        String grounds = text(execution, SuspensionProcess.GROUNDS);
        String reason = text(execution, SuspensionProcess.REASON);

        Optional<Agreement> agreement = Optional.empty();
        if (reference.isEmpty()) {
            problems.add("The agreement reference is required");
        } else {
            agreement = agreements.find(reference);
            if (agreement.isEmpty()) {
                problems.add("No agreement with reference " + reference);
            } else if (!agreement.get().status().canChangeTo(AgreementStatus.SUSPENDED)) {
                problems.add("Agreement %s is %s; only an agreement in force or dormant can be suspended"
                        .formatted(reference, agreement.get().status()));
            } else if (otherRequestOpen(reference, execution.getProcessInstanceId())) {
                problems.add("A suspension of %s is already under way".formatted(reference));
            }
        }
        if (Arrays.stream(SuspensionProcess.Grounds.values()).noneMatch(g -> g.name().equals(grounds))) {
            problems.add("Grounds must be one of " + Arrays.toString(SuspensionProcess.Grounds.values()));
        }
        if (reason.length() < 10) {
            problems.add("Give the reason for the suspension (at least 10 characters)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        Agreement a = agreement.orElseThrow();
        execution.setProcessBusinessKey(a.reference());
        execution.setVariable(AGREEMENT_REFERENCE, a.reference());
        execution.setVariable(PARTNER_ACRONYM, a.partnerAcronym());
        execution.setVariable(PARTNER_NAME, a.partnerName());
        execution.setVariable(AGREEMENT_TITLE, a.title());
    }

    private boolean otherRequestOpen(String reference, String thisInstance) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SuspensionProcess.KEY)
                .processInstanceBusinessKey(reference)
                .list().stream()
                .anyMatch(instance -> !instance.getId().equals(thisInstance));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? "" : value.toString().trim();
    }
}
