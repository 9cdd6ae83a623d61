package org.cms.partnerships.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails the focal points of the partner named by {@code partnerAcronym}, with the template named
 * by the task's input parameter {@code template}; the subject reference is the input parameter
 * {@code subjectReference}.
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
        notifications.send(execution, (String) execution.getVariable("template"),
                (String) execution.getVariable("subjectReference"),
                recipients.focalPointsOf((String) execution.getVariable("partnerAcronym")), Map.of());
    }
}
