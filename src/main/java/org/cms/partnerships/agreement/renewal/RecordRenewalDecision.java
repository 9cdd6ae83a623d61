package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.NEW_EXPIRES_ON;
import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Decide: renew, extend or let lapse": the decision and its reason are recorded; an extension needs a new end after the current one. */
@Component("recordRenewalDecision")
class RecordRenewalDecision implements TaskListener {

    private final RenewalService renewals;
    private final IdentityService identity;

    RecordRenewalDecision(RenewalService renewals, IdentityService identity) {
        this.renewals = renewals;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Decision decision = in.required(DECISION);
        String reason = in.text(REASON, 5);
        if (decision == Decision.EXTEND) {
            LocalDate end = in.required(NEW_EXPIRES_ON);
            LocalDate current = EXPIRES_ON.from(task);
            in.check(end == null || end.isAfter(current),
                    "The new end of the term %s must be after %s".formatted(end, current));
        }
        in.throwIfInvalid();
        renewals.recordDecision(AgreementVariables.REFERENCE.from(task), decision, reason, Actor.current(identity));
    }
}
