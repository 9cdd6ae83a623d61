package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Extend the period": both bodies endorsed the extension; the plan runs to the new last year. */
@Component("extendWorkPlan")
class ExtendWorkPlan implements JavaDelegate {

    private final WorkPlanService workPlans;

    ExtendWorkPlan(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkPlan extended = workPlans.extendTo(REFERENCE.from(execution), NEW_END_YEAR.from(execution));
        LAST_YEAR.set(execution, extended.periodEndYear());
    }
}
