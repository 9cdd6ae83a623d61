package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A task of implementation opens with the plan's activities as they stand (read-only in its form). */
@Component("showWorkPlanActivities")
class ShowWorkPlanActivities implements TaskListener {

    private final WorkPlanService workPlans;

    ShowWorkPlanActivities(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    @Override
    public void notify(DelegateTask task) {
        ACTIVITIES_TEXT.set(task, workPlans.activitiesText(REFERENCE.from(task)));
    }
}
