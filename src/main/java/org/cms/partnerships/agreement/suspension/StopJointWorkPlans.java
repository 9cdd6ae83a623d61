package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.suspension.SuspensionProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** "Stop the joint work plans": the agreement is suspended, so its work plans in implementation stop on the suspension's grounds. */
@Component("stopJointWorkPlans")
class StopJointWorkPlans implements JavaDelegate {

    private final SuspensionService suspensions;
    private final IdentityService identity;

    StopJointWorkPlans(SuspensionService suspensions, IdentityService identity) {
        this.suspensions = suspensions;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        suspensions.stopJointWorkPlans(AgreementVariables.REFERENCE.from(execution), GROUNDS.from(execution),
                Actor.current(identity));
    }
}
