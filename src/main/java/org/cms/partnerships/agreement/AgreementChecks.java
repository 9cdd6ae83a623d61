package org.cms.partnerships.agreement;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * What the processes around an existing agreement check as they start (suspension, review, renewal,
 * amendment, termination): that the agreement exists; and what they copy for tasks and e-mails. Each
 * process states its own rule on the agreement's status. "One of them at a time per agreement" is
 * not checked here: each process declares it as its {@code exclusiveKey} and the database enforces it.
 */
@Component
public class AgreementChecks {

    private final AgreementService agreements;

    public AgreementChecks(AgreementService agreements) {
        this.agreements = agreements;
    }

    /** The agreement named by the agreement reference of the input, or a problem saying why not. */
    public Optional<Agreement> agreement(FormInput input) {
        String reference = input.required(AgreementVariables.REFERENCE);
        if (reference == null) {
            return Optional.empty();
        }
        reference = reference.toUpperCase();
        Optional<Agreement> agreement = agreements.find(reference);
        if (agreement.isEmpty()) {
            input.problem("No agreement with reference " + reference);
        }
        return agreement;
    }

    /** Puts reference (as the register writes it), partner and title on the process, for task titles, forms and e-mails. */
    public static void describe(VariableScope scope, Agreement agreement) {
        AgreementVariables.REFERENCE.set(scope, agreement.reference());
        AgreementVariables.ACRONYM.set(scope, agreement.partnerAcronym());
        AgreementVariables.PARTNER.set(scope, agreement.partnerName());
        AgreementVariables.TITLE.set(scope, agreement.title());
    }
}
