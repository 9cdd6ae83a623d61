package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Start listener: refuses an amendment of an agreement not in force and incomplete input (400);
 * otherwise opens amendment N in the register (business key {reference}/A{N}), which refuses a second
 * open amendment of the agreement (409).
 */
@Component("amendmentRequestValidation")
class AmendmentStart implements ExecutionListener {

    private final AgreementChecks checks;
    private final AmendmentService amendments;

    AmendmentStart(AgreementChecks checks, AmendmentService amendments) {
        this.checks = checks;
        this.amendments = amendments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput input = FormInput.of(execution);
        Optional<Agreement> agreement = checks.agreement(input);
        agreement.ifPresent(a -> input.check(a.status() == AgreementStatus.IN_FORCE || a.status() == AgreementStatus.DORMANT,
                "%s is %s: only an agreement in force can be amended".formatted(a.reference(), a.status())));
        Amendment.Type type = input.required(TYPE);
        String description = input.text(DESCRIPTION, 10);
        String newScope = input.optionalText(NEW_SCOPE);
        LocalDate newExpiry = null;
        if (type == Amendment.Type.CHANGE_OF_SCOPE) {
            input.check(newScope.length() >= 10, "State the new scope (at least 10 characters)");
        }
        if (type == Amendment.Type.EXTENSION_OF_TERM) {
            newExpiry = input.required(NEW_EXPIRES_ON);
            LocalDate floor = agreement.map(Agreement::expiresOn).orElse(null);
            floor = floor == null ? RegisterClock.today() : floor;
            input.check(newExpiry == null || newExpiry.isAfter(floor),
                    "The new end of the term %s must be after %s".formatted(newExpiry, floor));
        }
        input.throwIfInvalid();
        Agreement a = agreement.orElseThrow();
        String by = PROPOSED_BY.optionalFrom(execution).orElse(Actor.SYSTEM);
        Amendment amendment = amendments.open(a.reference(), type, description,
                type == Amendment.Type.CHANGE_OF_SCOPE ? newScope : null, newExpiry, by);
        execution.setProcessBusinessKey(amendment.reference());
        AgreementChecks.describe(execution, a);
        NUMBER.set(execution, amendment.number());
        REFERENCE.set(execution, amendment.reference());
        PARTNER_CATEGORY.set(execution, a.partnerCategory());
        NEW_EXPIRES_ON.set(execution, newExpiry);
    }
}
