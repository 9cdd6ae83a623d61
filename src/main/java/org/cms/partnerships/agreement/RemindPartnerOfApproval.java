package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.PARTNER_REMINDERS_SENT;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.notification.ProcessNotifications;
import org.cms.partnerships.notification.Recipients;
import org.springframework.stereotype.Component;

/** Reminds the partner's focal points that their approval is awaited, and counts the reminders. */
@Component("remindPartnerOfApproval")
class RemindPartnerOfApproval implements JavaDelegate {

    private final Recipients recipients;
    private final ProcessNotifications notifications;

    RemindPartnerOfApproval(Recipients recipients, ProcessNotifications notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int sent = PARTNER_REMINDERS_SENT.from(execution) + 1;
        notifications.send(execution, "partner-approval-reminder", AgreementVariables.REFERENCE.from(execution),
                recipients.focalPointsOf(AgreementVariables.ACRONYM.from(execution)), Map.of("reminderNumber", sent));
        PARTNER_REMINDERS_SENT.set(execution, sent);
    }
}
