package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Completing "Record the partner's decision", by the officer in Tasklist or by the facade for a
 * decision arrived over REST: approved, declined (why: the reason of REJECTED), or the officer
 * withdraws the proposal (why: the reason of WITHDRAWN). Kept on the agreement.
 */
@Component("recordPartnerDecision")
class RecordPartnerDecision implements TaskListener {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordPartnerDecision(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        PartnerDecision decision = in.required(PARTNER_DECISION);
        String reason = in.optionalText(PARTNER_DECISION_REASON);
        in.check(decision == null || decision == PartnerDecision.APPROVED || reason.length() >= 10,
                "Say why (at least 10 characters)");
        LocalDate given = in.optional(PARTNER_DECISION_DATE);
        LocalDate date = given != null ? given : RegisterClock.today();
        in.check(!date.isAfter(RegisterClock.today()), "The date of the partner's decision %s is in the future".formatted(date));
        in.throwIfInvalid();
        String source = decision == PartnerDecision.WITHDRAWN ? "Secretariat" : AgreementVariables.ACRONYM.from(task);
        agreements.addComment(AgreementVariables.REFERENCE.from(task), "PARTNER_DECISION", source, Actor.current(identity),
                decision + " on " + date + (reason.isEmpty() ? "" : ": " + reason));
        switch (decision) {
            case DECLINED -> REJECTION_REASON.set(task, "Declined by the partner: " + reason);
            case WITHDRAWN -> WITHDRAWAL_REASON.set(task, reason);
            default -> { }
        }
    }
}
