package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.DECISION_DATE;
import static org.cms.partnerships.endorsement.EndorsementProcess.DECISION_TEXT;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.RegisterClock;

/**
 * A decision as the officer records it: its date, which may lie neither before the meeting nor in
 * the future, and its text as in the meeting report.
 */
record RecordedDecision(LocalDate date, String text) {

    static RecordedDecision read(DelegateExecution execution, Endorsement scheduled, List<String> problems) {
        LocalDate date = FormValues.date(execution.getVariable(DECISION_DATE), "decision date", problems);
        String text = FormValues.requiredText(execution.getVariable(DECISION_TEXT), "decision text", 3, problems);
        if (date != null) {
            if (date.isAfter(RegisterClock.today())) {
                problems.add("The decision date %s is in the future".formatted(date));
            }
            if (scheduled != null && scheduled.meetingDate() != null && date.isBefore(scheduled.meetingDate())) {
                problems.add("The decision date %s is before the meeting on %s".formatted(date, scheduled.meetingDate()));
            }
        }
        return new RecordedDecision(date, text);
    }
}
