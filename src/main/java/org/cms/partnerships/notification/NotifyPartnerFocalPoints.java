package org.cms.partnerships.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.register.PartnerService;
import org.springframework.stereotype.Component;

/**
 * E-mails the focal points of the partner named by {@code partnerAcronym}, with the template named
 * by the task's input parameter {@code template}; the subject reference is the input parameter
 * {@code subjectReference}.
 */
@Component("notifyPartnerFocalPoints")
class NotifyPartnerFocalPoints implements JavaDelegate {

    private final PartnerService partners;
    private final ProcessNotifications notifications;

    NotifyPartnerFocalPoints(PartnerService partners, ProcessNotifications notifications) {
        this.partners = partners;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var partner = partners.getByAcronym((String) execution.getVariable("partnerAcronym"));
        List<Recipient> recipients = partners.focalPoints(partner.id()).stream()
                .map(f -> new Recipient(f.name(), f.email(), f.preferredLanguage())).toList();
        if (recipients.isEmpty()) {
            recipients = List.of(new Recipient(partner.name() + " (no focal point registered)", null, null));
        }
        notifications.send(execution, (String) execution.getVariable("template"),
                (String) execution.getVariable("subjectReference"), recipients, Map.of());
    }
}
