package org.cms.partnerships.agreement;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * What the processes around an existing agreement check as they start (suspension, review,
 * renewal, amendment, termination): that the agreement exists, that no other instance of the same
 * process is under way for it; and what they copy for tasks and e-mails. Each process states its own
 * rule on the agreement's status.
 */
@Component
public class AgreementChecks {

    private final AgreementService agreements;
    private final RuntimeService runtime;

    public AgreementChecks(AgreementService agreements, RuntimeService runtime) {
        this.agreements = agreements;
        this.runtime = runtime;
    }

    /** The agreement named by the {@code agreementReference} variable, or a problem saying why not. */
    public Optional<Agreement> agreement(DelegateExecution execution, List<String> problems) {
        String reference = AgreementVariables.REFERENCE.optionalFrom(execution).map(String::toUpperCase).orElse("");
        if (reference.isEmpty()) {
            problems.add("The agreement reference is required");
            return Optional.empty();
        }
        Optional<Agreement> agreement = agreements.find(reference);
        if (agreement.isEmpty()) {
            problems.add("No agreement with reference " + reference);
        }
        return agreement;
    }

    /** Whether another instance of the process runs with a business key like the pattern ({@code %} wildcard). */
    public boolean otherInstanceRunning(DelegateExecution execution, String processKey, String businessKeyLike) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKeyLike(businessKeyLike).list().stream()
                .anyMatch(instance -> !instance.getId().equals(execution.getProcessInstanceId()));
    }

    /** Puts reference, partner and title on the process, for task titles, forms and e-mails. */
    public static void describe(DelegateExecution execution, Agreement agreement) {
        AgreementVariables.REFERENCE.set(execution, agreement.reference());
        AgreementVariables.ACRONYM.set(execution, agreement.partnerAcronym());
        AgreementVariables.PARTNER.set(execution, agreement.partnerName());
        AgreementVariables.TITLE.set(execution, agreement.title());
    }
}
