package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.FAMILY_INSTRUMENT_LIST;
import static org.cms.partnerships.agreement.AgreementProcess.PARTNER_ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.notification.ProcessNotifications;
import org.cms.partnerships.notification.Recipient;
import org.cms.partnerships.notification.Recipients;
import org.cms.partnerships.security.Groups;
import org.springframework.stereotype.Component;

/** Tells the partner, the Family secretariats concerned and the managers that the agreement is in force. */
@Component("notifyAgreementSigned")
class NotifyAgreementSigned implements JavaDelegate {

    private final Recipients recipients;
    private final ProcessNotifications notifications;

    NotifyAgreementSigned(Recipients recipients, ProcessNotifications notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Map<String, Recipient> to = new LinkedHashMap<>();
        List<Recipient> all = new ArrayList<>(recipients.focalPointsOf((String) execution.getVariable(PARTNER_ACRONYM)));
        for (String secretariat : (List<String>) execution.getVariable(FAMILY_INSTRUMENT_LIST)) {
            all.addAll(recipients.familySecretariat(secretariat));
        }
        all.addAll(recipients.staffInGroups(Groups.MANAGERS));
        all.forEach(r -> to.putIfAbsent(r.email() == null ? r.name() : r.email().toLowerCase(), r));
        notifications.send(execution, "agreement-signed", (String) execution.getVariable(AGREEMENT_REFERENCE),
                new ArrayList<>(to.values()), Map.of());
    }
}
