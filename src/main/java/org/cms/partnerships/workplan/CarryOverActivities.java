package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** "Carry over unfinished activities": the predecessor closes, its unfinished activities come across. */
@Component("carryOverActivities")
class CarryOverActivities implements JavaDelegate {

    private final WorkPlanService workPlans;
    private final IdentityService identity;

    CarryOverActivities(WorkPlanService workPlans, IdentityService identity) {
        this.workPlans = workPlans;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workPlans.carryOver(REFERENCE.from(execution), PREDECESSOR.from(execution), DROP_LINES.orNull(execution),
                Actor.current(identity));
    }
}
