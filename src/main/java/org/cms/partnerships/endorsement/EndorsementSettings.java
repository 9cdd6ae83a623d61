package org.cms.partnerships.endorsement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the endorsement sub-process ({@code cms.endorsement.*}).
 *
 * @param documentsLeadDays     days before a meeting the members receive the document
 * @param reminderLeadDays      days before a meeting the members are reminded
 * @param partnerReminderCycle  ISO 8601 repetition for reminders while a partner body's decision is pending
 */
@ConfigurationProperties("cms.endorsement")
public record EndorsementSettings(Integer documentsLeadDays, Integer reminderLeadDays, String partnerReminderCycle) {

    public EndorsementSettings {
        documentsLeadDays = documentsLeadDays == null ? 30 : documentsLeadDays;
        reminderLeadDays = reminderLeadDays == null ? 7 : reminderLeadDays;
        partnerReminderCycle = partnerReminderCycle == null ? "R/P30D" : partnerReminderCycle;
    }
}
