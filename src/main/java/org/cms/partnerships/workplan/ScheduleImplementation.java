package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * As implementation starts or resumes after an extension: the dates of its timers (the yearly
 * meetings, the extension decision), set before the stage is entered because its timers read them.
 */
@Component("scheduleImplementation")
class ScheduleImplementation implements ExecutionListener {

    private final WorkPlanSchedule schedule;

    ScheduleImplementation(WorkPlanSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void notify(DelegateExecution execution) {
        WorkPlanSchedule.Dates dates = schedule.of(REFERENCE.from(execution));
        MEETING_CYCLE.set(execution, dates.meetingCycle());
        EXTENSION_DECISION_AT.set(execution, dates.extensionDecisionAt());
    }
}
