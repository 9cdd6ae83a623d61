package org.cms.partnerships.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails Secretariat staff: the users in the step's input parameter {@link NotificationVariables#USERS}
 * and the members of the groups in {@link NotificationVariables#GROUPS} (comma-separated, expressions
 * allowed), with the step's template about its subject reference.
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
        NotificationVariables.USERS.optionalFrom(execution).ifPresent(users -> to.addAll(recipients.staffUsers(users)));
        NotificationVariables.GROUPS.optionalFrom(execution).ifPresent(groups -> to.addAll(recipients.staffInGroups(groups)));
        notifications.send(execution, to);
    }
}
