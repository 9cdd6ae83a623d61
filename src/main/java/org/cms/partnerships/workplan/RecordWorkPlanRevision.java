package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** "Revise the plan" completed: the revised activities, all or nothing, and a note on the plan. */
@Component("recordWorkPlanRevision")
class RecordWorkPlanRevision implements TaskListener {

    private final WorkPlanDrafting drafting;
    private final IdentityService identity;

    RecordWorkPlanRevision(WorkPlanDrafting drafting, IdentityService identity) {
        this.drafting = drafting;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String lines = in.optional(ACTIVITY_LINES);
        in.throwIfInvalid();
        ACTIVITIES_TEXT.set(task, drafting.revise(REFERENCE.from(task), lines, Actor.current(identity)));
        ACTIVITY_LINES.set(task, null);
    }
}
