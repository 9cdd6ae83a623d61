package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** The yearly coordination meeting held: kept on the plan, with the progress report for the Committee. */
@Component("recordCoordinationMeeting")
class RecordCoordinationMeeting implements TaskListener {

    private final WorkPlanService workPlans;
    private final IdentityService identity;

    RecordCoordinationMeeting(WorkPlanService workPlans, IdentityService identity) {
        this.workPlans = workPlans;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String summary = in.text(MEETING_SUMMARY, 10);
        in.throwIfInvalid();
        PROGRESS_SUMMARY.set(task, workPlans.recordCoordinationMeeting(REFERENCE.from(task), summary, Actor.current(identity)));
    }
}
