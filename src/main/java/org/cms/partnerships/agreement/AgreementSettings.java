package org.cms.partnerships.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the agreement lifecycle ({@code cms.agreement.*}).
 *
 * @param partnerReminderInterval     ISO 8601 period between reminders while the partner's approval is pending
 * @param remindersBeforeAlert        after this many reminders the Executive Secretary is alerted
 * @param consultationReminderDays    days before the consultation deadline the secretariats are reminded
 */
@ConfigurationProperties("cms.agreement")
public record AgreementSettings(String partnerReminderInterval, Integer remindersBeforeAlert,
                                Integer consultationReminderDays) {

    public AgreementSettings {
        partnerReminderInterval = partnerReminderInterval == null ? "P30D" : partnerReminderInterval;
        remindersBeforeAlert = remindersBeforeAlert == null ? 3 : remindersBeforeAlert;
        consultationReminderDays = consultationReminderDays == null ? 3 : consultationReminderDays;
    }
}
