package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Decide what carries over" opens with the predecessor's unfinished activities in the form. */
@Component("showUnfinishedActivities")
class ShowUnfinishedActivities implements TaskListener {

    private final WorkPlanService workPlans;

    ShowUnfinishedActivities(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    @Override
    public void notify(DelegateTask task) {
        UNFINISHED_ACTIVITIES.set(task, workPlans.unfinishedActivitiesText(PREDECESSOR.from(task)));
    }
}
