package org.cms.partnerships.copreport;

import java.time.LocalDate;

/**
 * A report to a Conference of the Parties as the register holds it. {@code cutOff} null: the facts are
 * as at the day of approval (and as at today while it is drafted).
 */
public record CopReport(long id, String businessKey, int copNumber, String copVenue, LocalDate copStartsOn,
                        LocalDate copEndsOn, String symbol, String agendaItem, LocalDate periodFrom, LocalDate cutOff,
                        LocalDate documentDeadline, CopReportStatus status, LocalDate approvedOn, String approvedBy,
                        LocalDate publishedOn, Boolean publishedLate, String createdBy) {

    public static String businessKey(int copNumber) {
        return "COP" + copNumber + "-partnerships";
    }
}
