package org.cms.partnerships.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.notification.NotificationVariables;
import org.cms.partnerships.notification.ProcessNotifications;
import org.cms.partnerships.notification.Recipient;
import org.cms.partnerships.notification.Recipients;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Tells everyone an agreement concerns, as the register has them: the partner's focal points, the
 * CMS Family secretariats concerned and the managers, with the template in the input parameter
 * {@code template} (signed, terminated ...).
 */
@Component("notifyAgreementParties")
class NotifyAgreementParties implements JavaDelegate {

    /** Input parameter of the step: the e-mail template. */

    private final Recipients recipients;
    private final ProcessNotifications notifications;
    private final AgreementService agreements;

    NotifyAgreementParties(Recipients recipients, ProcessNotifications notifications, AgreementService agreements) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = AgreementVariables.REFERENCE.from(execution);
        Agreement agreement = agreements.get(reference);
        List<Recipient> all = new ArrayList<>(recipients.focalPointsOf(agreement.partnerAcronym()));
        for (String secretariat : AgreementProcess.FAMILY_INSTRUMENTS.read(agreement.familyInstruments() == null ? "" : agreement.familyInstruments())) {
            all.addAll(recipients.familySecretariat(secretariat));
        }
        all.addAll(recipients.staffInGroups(Groups.MANAGERS));
        Map<String, Recipient> to = new LinkedHashMap<>();
        all.forEach(r -> to.putIfAbsent(r.email() == null ? r.name() : r.email().toLowerCase(), r));
        notifications.send(execution, NotificationVariables.TEMPLATE.from(execution), reference,
                new ArrayList<>(to.values()), Map.of());
    }
}
