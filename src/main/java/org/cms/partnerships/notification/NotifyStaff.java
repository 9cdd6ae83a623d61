package org.cms.partnerships.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails Secretariat staff: the users in the input parameter {@code users} and the members of the
 * groups in {@code groups} (comma-separated, expressions allowed), with the template {@code template}
 * about {@code subjectReference}.
 */
@Component("notifyStaff")
class NotifyStaff implements JavaDelegate {

    private final Recipients recipients;
    private final ProcessNotifications notifications;

    NotifyStaff(Recipients recipients, ProcessNotifications notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Recipient> to = new ArrayList<>();
        if (execution.hasVariable("users") && execution.getVariable("users") != null) {
            to.addAll(recipients.staffUsers(execution.getVariable("users").toString()));
        }
        if (execution.hasVariable("groups") && execution.getVariable("groups") != null) {
            to.addAll(recipients.staffInGroups(execution.getVariable("groups").toString()));
        }
        notifications.send(execution, (String) execution.getVariable("template"),
                (String) execution.getVariable("subjectReference"), to, Map.of());
    }
}
