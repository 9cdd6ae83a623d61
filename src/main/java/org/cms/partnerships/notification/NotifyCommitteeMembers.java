package org.cms.partnerships.notification;

import static org.cms.partnerships.endorsement.EndorsementProcess.MEETING_DATE;
import static org.cms.partnerships.endorsement.EndorsementProcess.SUBJECT_REFERENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.stereotype.Component;

/**
 * E-mails every Standing Committee member serving on the meeting day (or today), each in their
 * language, with the template named by the task's input parameter {@code template}, about the input
 * parameter {@code subjectReference} (default: what is being endorsed).
 */
@Component("notifyCommitteeMembers")
class NotifyCommitteeMembers implements JavaDelegate {

    private final CommitteeService committee;
    private final ProcessNotifications notifications;

    NotifyCommitteeMembers(CommitteeService committee, ProcessNotifications notifications) {
        this.committee = committee;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> ignored = new ArrayList<>();
        Object meetingDate = execution.getVariable(MEETING_DATE);
        LocalDate day = meetingDate == null ? RegisterClock.today() : FormValues.date(meetingDate, "meeting date", ignored);
        List<Recipient> recipients = committee.membersServingOn(day == null ? RegisterClock.today() : day).stream()
                .map(m -> new Recipient(m.name(), m.email(), m.preferredLanguage())).toList();
        Object reference = execution.hasVariableLocal("subjectReference") ? execution.getVariableLocal("subjectReference")
                : execution.getVariable(SUBJECT_REFERENCE);
        notifications.send(execution, (String) execution.getVariable("template"), (String) reference, recipients, Map.of());
    }
}
