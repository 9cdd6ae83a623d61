package org.cms.partnerships.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails the focal points of the partner {@link NotificationVariables#PARTNER_ACRONYM}, with the
 * step's template about its subject reference.
 */
@Component("notifyPartnerFocalPoints")
class NotifyPartnerFocalPoints implements JavaDelegate {

    private final Recipients recipients;
    private final ProcessNotifications notifications;

    NotifyPartnerFocalPoints(Recipients recipients, ProcessNotifications notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.send(execution, recipients.focalPointsOf(NotificationVariables.PARTNER_ACRONYM.from(execution)));
    }
}
