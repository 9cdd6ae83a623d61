package org.cms.partnerships.endorsement;

import java.time.LocalDate;

/**
 * One endorsement attempt: a meeting, a written procedure or a partner body's decision. At a meeting,
 * {@code meetingId} is the register's meeting, whose number and date {@code meetingNumber} and
 * {@code meetingDate} repeat (null for records from before the register kept meetings).
 */
public record Endorsement(long id, SubjectType subjectType, String subjectReference, Body body, Mode mode,
                          Integer meetingNumber, LocalDate meetingDate, String documentNumber, String documentUrl,
                          LocalDate objectionDeadline, Decision decision, LocalDate decisionDate, String decisionText,
                          String recordedBy, String processInstanceId, Long meetingId) {

    /** What is put before the body (DOMAIN.md: a new agreement, an amendment, a plan, its extension, a report). */
    public enum SubjectType { AGREEMENT, AMENDMENT, WORK_PLAN, EXTENSION, PROGRESS_REPORT }

    /** Whose endorsement: the CMS Standing Committee, or the partner's own governing body. */
    public enum Body { CMS_STANDING_COMMITTEE, PARTNER_BODY }

    /** How the CMS Standing Committee decides: at a meeting, or intersessionally by written procedure. */
    public enum Mode { MEETING, WRITTEN_PROCEDURE }

    public enum Decision { ENDORSED, ENDORSED_WITH_AMENDMENTS, DEFERRED, NOT_ENDORSED }

    /** "38th meeting", "45th meeting" as the Secretariat writes it. */
    public static String ordinal(int number) {
        int mod100 = number % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (number % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return number + suffix;
    }

    /** A line for the subject's register record, e.g. "CMS/StC38/4, 38th meeting (2011-11-19): ENDORSED". */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (body == Body.PARTNER_BODY) {
            text.append("Partner's governing body");
        } else if (mode == Mode.WRITTEN_PROCEDURE) {
            text.append("Written procedure").append(documentNumber != null ? " " + documentNumber : "")
                    .append(" (deadline ").append(objectionDeadline).append(')');
        } else {
            text.append(documentNumber).append(", ").append(ordinal(meetingNumber)).append(" meeting of the Standing Committee (")
                    .append(meetingDate).append(')');
        }
        if (decision != null) {
            text.append(": ").append(decision).append(decisionDate != null ? " on " + decisionDate : "");
        }
        return text.toString();
    }
}
