package org.cms.partnerships.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the agreement lifecycle ({@code cms.agreement.*}).
 *
 * @param partnerReminderInterval     ISO 8601 period between reminders while the partner's approval is pending
 * @param remindersBeforeAlert        after this many reminders the Executive Secretary is alerted
 * @param consultationReminderDays    days before the consultation deadline the secretariats are reminded
 * @param renewalAlertDays            days before the end of an agreement's term the officers are alerted
 *                                    (the first also starts the renewal decision)
 */
@ConfigurationProperties("cms.agreement")
public record AgreementSettings(String partnerReminderInterval, Integer remindersBeforeAlert,
                                Integer consultationReminderDays, java.util.List<Integer> renewalAlertDays) {

    public AgreementSettings {
        renewalAlertDays = renewalAlertDays == null || renewalAlertDays.size() != 3 ? java.util.List.of(90, 60, 30)
                : renewalAlertDays.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        partnerReminderInterval = partnerReminderInterval == null ? "P30D" : partnerReminderInterval;
        remindersBeforeAlert = remindersBeforeAlert == null ? 3 : remindersBeforeAlert;
        consultationReminderDays = consultationReminderDays == null ? 3 : consultationReminderDays;
    }
}
