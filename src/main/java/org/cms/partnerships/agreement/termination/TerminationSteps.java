package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The termination's steps, each reading its input and calling one service method. */
@Configuration
class TerminationSteps {

    private final TerminationService terminations;
    private final IdentityService identity;

    TerminationSteps(TerminationService terminations, IdentityService identity) {
        this.terminations = terminations;
        this.identity = identity;
    }

    /** Complete listener of "Decide on termination": a decision and a comment the status history quotes. */
    @Bean("recordTerminationDecision")
    TaskListener recordTerminationDecision() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            input.required(DECISION);
            String comment = input.text(DECISION_COMMENT, 3);
            input.throwIfInvalid();
            DECISION_COMMENT.set(task, comment);
        };
    }

    /** "End what follows the agreement": its other processes end, its joint work plans stop. */
    @Bean("endWhatFollowsTheAgreement")
    JavaDelegate endWhatFollowsTheAgreement() {
        return execution -> {
            TerminationService.Ended ended = terminations.endWhatFollows(AgreementVariables.REFERENCE.from(execution),
                    Actor.current(identity));
            ENDED_PROCESSES.set(execution, String.join(", ", ended.processes()));
            STOPPED_PLANS.set(execution, String.join(", ", ended.workPlans()));
        };
    }
}
