package org.cms.partnerships.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails the CMS Family secretariat named by {@code consultedSecretariat} (its own account, or the
 * family-secretariats group), with the template {@code template} about {@code subjectReference}.
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
        notifications.send(execution, (String) execution.getVariable("template"),
                (String) execution.getVariable("subjectReference"),
                recipients.familySecretariat((String) execution.getVariable("consultedSecretariat")), Map.of());
    }
}
