package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses an amendment of an agreement that is not in force, a second one while one is open, and
 * incomplete input; otherwise opens amendment N in the register (business key {reference}/A{N}).
 */
@Component("amendmentRequestValidation")
class AmendmentRequestValidation implements ExecutionListener {

    private final AgreementChecks checks;
    private final AmendmentService amendments;

    AmendmentRequestValidation(AgreementChecks checks, AmendmentService amendments) {
        this.checks = checks;
        this.amendments = amendments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Optional<Agreement> agreement = checks.agreement(execution, problems);
        String reference = agreement.map(Agreement::reference).orElse(null);
        if (agreement.isEmpty()) {
            // reported
        } else if (agreement.get().status() != AgreementStatus.IN_FORCE && agreement.get().status() != AgreementStatus.DORMANT) {
            problems.add("%s is %s: only an agreement in force can be amended".formatted(reference, agreement.get().status()));
        } else {
            amendments.openAmendmentOf(reference).ifPresent(open -> problems.add(
                    "Amendment %d of %s is still open: one amendment at a time".formatted(open.number(), reference)));
        }
        Amendment.Type type = FormValues.enumValue(Amendment.Type.class, execution.getVariable(TYPE), "amendment type", problems);
        String description = FormValues.requiredText(execution.getVariable(DESCRIPTION), "description of the amendment", 10, problems);
        String newScope = FormValues.text(execution.getVariable(NEW_SCOPE));
        LocalDate newExpiry = null;
        if (type == Amendment.Type.CHANGE_OF_SCOPE && newScope.length() < 10) {
            problems.add("State the new scope (at least 10 characters)");
        }
        if (type == Amendment.Type.EXTENSION_OF_TERM) {
            newExpiry = FormValues.date(execution.getVariable(NEW_EXPIRES_ON), "new end of the term", problems);
            LocalDate floor = agreement.map(Agreement::expiresOn).orElse(null);
            floor = floor == null ? RegisterClock.today() : floor;
            if (newExpiry != null && !newExpiry.isAfter(floor)) {
                problems.add("The new end of the term %s must be after %s".formatted(newExpiry, floor));
            }
        }
        InvalidInputException.throwIfAny(problems);
        Agreement a = agreement.get();
        String by = Optional.ofNullable((String) execution.getVariable("proposedBy")).orElse(Actor.SYSTEM);
        Amendment amendment = amendments.open(reference, type, description,
                type == Amendment.Type.CHANGE_OF_SCOPE ? newScope : null, newExpiry, by);
        execution.setProcessBusinessKey(amendment.reference());
        AgreementChecks.describe(execution, a);
        execution.setVariable(NUMBER, amendment.number());
        execution.setVariable(REFERENCE, amendment.reference());
        execution.setVariable("partnerCategory", a.partnerCategory().name());
        execution.setVariable(NEW_EXPIRES_ON, newExpiry == null ? null : newExpiry.toString());
    }
}
