package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** "Decide what carries over" completed: every activity to drop is unfinished and has its reason. */
@Component("checkCarryOver")
class CheckCarryOver implements TaskListener {

    private final WorkPlanService workPlans;

    CheckCarryOver(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String drops = in.optionalText(DROP_LINES);
        in.throwIfInvalid();
        workPlans.drops(PREDECESSOR.from(task), drops);
    }
}
