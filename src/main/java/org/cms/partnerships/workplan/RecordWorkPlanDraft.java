package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/**
 * "Draft the plan" completed: activities pasted as CSV and typed lines go into the plan, the draft must be
 * ready for consultation; the comment deadline is set.
 */
@Component("recordWorkPlanDraft")
class RecordWorkPlanDraft implements TaskListener {

    private final WorkPlanDrafting drafting;

    RecordWorkPlanDraft(WorkPlanDrafting drafting) {
        this.drafting = drafting;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String csv = in.optional(ACTIVITIES_CSV);
        String lines = in.optional(ACTIVITY_LINES);
        LocalDate deadline = in.required(COMMENT_DEADLINE);
        in.throwIfInvalid();
        String activities = drafting.readyForConsultation(REFERENCE.from(task), csv, lines, deadline);
        COMMENT_DEADLINE.set(task, deadline);
        COMMENT_DEADLINE_AT.set(task, RegisterClock.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
        ACTIVITIES_TEXT.set(task, activities);
        ACTIVITY_LINES.set(task, null);
        ACTIVITIES_CSV.set(task, null);
    }
}
