package org.cms.partnerships.workplan;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Stops the joint work plans of an agreement that is suspended or terminated; the one place the
 * agreement processes call. A plan in implementation stops through its own process (message
 * {@link WorkPlanProcess#MESSAGE_STOPPED}, so its history says why), or in the register where no
 * process runs for it (plans recorded before the process existed).
 */
@Component
public class WorkPlanStops {

    private final WorkPlanService workPlans;
    private final WorkPlanLifecycle lifecycle;

    WorkPlanStops(WorkPlanService workPlans, WorkPlanLifecycle lifecycle) {
        this.workPlans = workPlans;
        this.lifecycle = lifecycle;
    }

    /** The agreement is suspended: implementation stops; plans still drafted or endorsed go on. */
    public List<String> stopImplementation(String agreementReference, String reason, String by) {
        List<String> stopped = new ArrayList<>();
        for (WorkPlan plan : workPlans.plansOf(agreementReference)) {
            if (plan.status() != WorkPlanStatus.IN_IMPLEMENTATION) {
                continue;
            }
            lifecycle.stopImplementation(plan.reference(), reason);
            if (workPlans.get(plan.reference()).status() == WorkPlanStatus.IN_IMPLEMENTATION) {
                workPlans.changeStatus(plan.reference(), WorkPlanStatus.STOPPED, by, reason);
                workPlans.addComment(plan.reference(), "STOPPED", "Secretariat", by, reason);
            }
            stopped.add(plan.reference());
        }
        return stopped;
    }

    /**
     * The agreement is terminated: implementation stops as above, plans still drafted or endorsed
     * end with their process, and every plan not yet closed is STOPPED in the register.
     */
    public List<String> stopAll(String agreementReference, String reason, String by) {
        List<String> stopped = new ArrayList<>(stopImplementation(agreementReference, reason, by));
        for (WorkPlan plan : workPlans.plansOf(agreementReference)) {
            lifecycle.cancel(plan.reference(), reason);
        }
        stopped.addAll(workPlans.stopPlansOf(agreementReference, reason, by));
        return stopped;
    }
}
