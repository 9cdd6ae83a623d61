package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.suspension.SuspensionProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suspension's steps, each reading its input and calling one service method. */
@Configuration
class SuspensionSteps {

    private final SuspensionService suspensions;
    private final IdentityService identity;

    SuspensionSteps(SuspensionService suspensions, IdentityService identity) {
        this.suspensions = suspensions;
        this.identity = identity;
    }

    /** Complete listener of "Decide on suspension": a decision and a comment the status history quotes. */
    @Bean("recordSuspensionDecision")
    TaskListener recordSuspensionDecision() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            input.required(EXECUTIVE_DECISION);
            String comment = input.text(EXECUTIVE_COMMENT, 3);
            input.throwIfInvalid();
            EXECUTIVE_COMMENT.set(task, comment);
        };
    }

    /** "Stop the joint work plans": their implementation stops while the agreement is suspended. */
    @Bean("stopJointWorkPlans")
    JavaDelegate stopJointWorkPlans() {
        return execution -> suspensions.stopJointWorkPlans(AgreementVariables.REFERENCE.from(execution),
                GROUNDS.from(execution), Actor.current(identity));
    }

    /** Complete listener of "Reinstate the agreement": why it can resume, quoted in the status history. */
    @Bean("recordReinstatement")
    TaskListener recordReinstatement() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            String reason = input.text(REINSTATEMENT_REASON, 10);
            input.throwIfInvalid();
            REINSTATEMENT_REASON.set(task, reason);
        };
    }
}
