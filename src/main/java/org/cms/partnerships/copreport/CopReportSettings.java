package org.cms.partnerships.copreport;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the report to the Conference of the Parties ({@code cms.cop-report.*}).
 *
 * @param startMonthsBefore       months before a COP the daily schedule starts its report
 * @param documentDeadlineDays    days before the COP opens that the document must be published
 * @param reminderDaysBefore      days before the document deadline the officers are reminded
 * @param translationDays         days the courtesy translations are given by default
 * @param agendaItem              the agenda item of a report started by the schedule (its symbol's "Doc." number)
 */
@ConfigurationProperties("cms.cop-report")
public record CopReportSettings(Integer startMonthsBefore, Integer documentDeadlineDays, Integer reminderDaysBefore,
                                Integer translationDays, String agendaItem) {

    public CopReportSettings {
        startMonthsBefore = startMonthsBefore == null ? 9 : startMonthsBefore;
        documentDeadlineDays = documentDeadlineDays == null ? 60 : documentDeadlineDays;
        reminderDaysBefore = reminderDaysBefore == null ? 14 : reminderDaysBefore;
        translationDays = translationDays == null ? 21 : translationDays;
        agendaItem = agendaItem == null ? "23.1" : agendaItem;
    }
}
