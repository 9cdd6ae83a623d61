package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.NEW_EXPIRES_ON;
import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renewal's steps: the officer's decision, and what it starts (a renewal proposal or an extension). */
@Configuration
class RenewalSteps {

    private final RenewalService renewals;
    private final IdentityService identity;

    RenewalSteps(RenewalService renewals, IdentityService identity) {
        this.renewals = renewals;
        this.identity = identity;
    }

    /** Complete listener of "Decide: renew, extend or let lapse". */
    @Bean("recordRenewalDecision")
    TaskListener recordRenewalDecision() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            Decision decision = input.required(DECISION);
            String reason = input.text(REASON, 5);
            if (decision == Decision.EXTEND) {
                LocalDate end = input.required(NEW_EXPIRES_ON);
                LocalDate current = EXPIRES_ON.from(task);
                input.check(end == null || end.isAfter(current),
                        "The new end of the term %s must be after %s".formatted(end, current));
            }
            input.throwIfInvalid();
            renewals.recordDecision(AgreementVariables.REFERENCE.from(task), decision, reason, Actor.current(identity));
        };
    }

    @Bean("startRenewalProposal")
    JavaDelegate startRenewalProposal() {
        return execution -> FOLLOW_UP_REFERENCE.set(execution,
                renewals.proposeRenewal(AgreementVariables.REFERENCE.from(execution)));
    }

    @Bean("startExtensionAmendment")
    JavaDelegate startExtensionAmendment() {
        return execution -> FOLLOW_UP_REFERENCE.set(execution, renewals.proposeExtension(
                AgreementVariables.REFERENCE.from(execution), REASON.from(execution), NEW_EXPIRES_ON.from(execution)));
    }
}
