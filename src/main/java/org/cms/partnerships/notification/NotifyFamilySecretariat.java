package org.cms.partnerships.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails the CMS Family secretariat named by {@link NotificationVariables#CONSULTED_SECRETARIAT}
 * (its own account, or the family-secretariats group), with the step's template about its subject reference.
 */
@Component("notifyFamilySecretariat")
class NotifyFamilySecretariat implements JavaDelegate {

    private final Recipients recipients;
    private final ProcessNotifications notifications;

    NotifyFamilySecretariat(Recipients recipients, ProcessNotifications notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.send(execution,
                recipients.familySecretariat(NotificationVariables.CONSULTED_SECRETARIAT.from(execution)));
    }
}
