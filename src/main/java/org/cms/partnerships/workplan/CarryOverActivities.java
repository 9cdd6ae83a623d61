package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/**
 * "Carry over unfinished activities": the predecessor closes, its unfinished activities come across,
 * and its own lifecycle ends ({@link WorkPlanLifecycle#handOver}).
 */
@Component("carryOverActivities")
class CarryOverActivities implements JavaDelegate {

    private final WorkPlanLifecycle lifecycle;
    private final IdentityService identity;

    CarryOverActivities(WorkPlanLifecycle lifecycle, IdentityService identity) {
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.handOver(REFERENCE.from(execution), PREDECESSOR.from(execution), DROP_LINES.orNull(execution),
                Actor.current(identity));
    }
}
