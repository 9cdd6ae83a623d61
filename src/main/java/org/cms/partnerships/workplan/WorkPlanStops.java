package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Stops the joint work plans of an agreement that is suspended or terminated; the one place the
 * agreement processes call. A plan in implementation stops through its own process (message
 * {@link WorkPlanProcess#MESSAGE_STOPPED}, so its log says why), or in the register where no
 * process runs for it (plans recorded before the process existed).
 */
@Component
public class WorkPlanStops {

    private final WorkPlanService workPlans;
    private final RuntimeService runtime;

    WorkPlanStops(WorkPlanService workPlans, RuntimeService runtime) {
        this.workPlans = workPlans;
        this.runtime = runtime;
    }

    /** The agreement is suspended: implementation stops; plans still drafted or endorsed go on. */
    public List<String> stopImplementation(String agreementReference, String reason, String by) {
        List<String> stopped = new ArrayList<>();
        for (WorkPlan plan : workPlans.plansOf(agreementReference)) {
            if (plan.status() != WorkPlanStatus.IN_IMPLEMENTATION) {
                continue;
            }
            runtime.createMessageCorrelation(MESSAGE_STOPPED).processInstanceBusinessKey(plan.reference())
                    .setVariable(STOP_REASON, reason).correlateAll();
            if (workPlans.get(plan.reference()).status() == WorkPlanStatus.IN_IMPLEMENTATION) {
                workPlans.setStatus(plan.reference(), WorkPlanStatus.STOPPED);
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
            runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(plan.reference()).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason, true, true));
        }
        stopped.addAll(workPlans.stopPlansOf(agreementReference));
        return stopped;
    }
}
