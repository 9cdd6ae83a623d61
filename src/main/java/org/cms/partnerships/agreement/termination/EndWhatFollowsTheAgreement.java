package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** "End what follows the agreement": it is terminated, so its other processes end and its joint work plans stop; both lists are kept for Cockpit. */
@Component("endWhatFollowsTheAgreement")
class EndWhatFollowsTheAgreement implements JavaDelegate {

    private final TerminationService terminations;
    private final IdentityService identity;

    EndWhatFollowsTheAgreement(TerminationService terminations, IdentityService identity) {
        this.terminations = terminations;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TerminationService.Ended ended = terminations.endWhatFollows(AgreementVariables.REFERENCE.from(execution),
                Actor.current(identity));
        ENDED_PROCESSES.set(execution, String.join(", ", ended.processes()));
        STOPPED_PLANS.set(execution, String.join(", ", ended.workPlans()));
    }
}
