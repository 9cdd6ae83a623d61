package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** "Record progress on activities" completed: the record is kept (rules in the service); the form is emptied. */
@Component("recordActivityProgress")
class RecordActivityProgress implements TaskListener {

    private final WorkPlanService workPlans;
    private final IdentityService identity;

    RecordActivityProgress(WorkPlanService workPlans, IdentityService identity) {
        this.workPlans = workPlans;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String code = in.required(ACTIVITY_CODE);
        ActivityStatus status = in.optional(ACTIVITY_STATUS);
        String text = in.optionalText(PROGRESS_TEXT);
        var on = in.optional(PROGRESS_DATE);
        boolean funding = Boolean.TRUE.equals(in.optional(FUNDING_SECURED));
        in.throwIfInvalid();
        workPlans.recordProgress(REFERENCE.from(task), code, status, text, on, funding, Actor.current(identity));
        ACTIVITY_CODE.set(task, null);
        ACTIVITY_STATUS.set(task, null);
        PROGRESS_TEXT.set(task, null);
        PROGRESS_DATE.set(task, null);
        FUNDING_SECURED.set(task, null);
    }
}
