package org.cms.partnerships.notification;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.stereotype.Component;

/**
 * E-mails every Standing Committee member serving on the meeting day (or today), each in their
 * language, with the step's template, about its input parameter {@link NotificationVariables#SUBJECT_REFERENCE}
 * (default: what is being endorsed).
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
        LocalDate day = EndorsementProcess.MEETING_DATE.optionalFrom(execution).orElseGet(RegisterClock::today);
        List<Recipient> recipients = committee.membersServingOn(day).stream()
                .map(m -> new Recipient(m.name(), m.email(), m.preferredLanguage())).toList();
        String reference = execution.hasVariableLocal(NotificationVariables.SUBJECT_REFERENCE.name())
                ? NotificationVariables.SUBJECT_REFERENCE.orNull(execution)
                : EndorsementProcess.SUBJECT_REFERENCE.orNull(execution);
        notifications.send(execution, NotificationVariables.TEMPLATE.from(execution), reference, recipients, java.util.Map.of());
    }
}
