package org.cms.partnerships.meeting;

import java.time.LocalDate;

/** A meeting of one of the Convention's bodies, as the register holds it. */
public record Meeting(long id, Kind kind, int number, String venue, LocalDate startsOn, LocalDate endsOn, String notes) {

    /** The bodies whose meetings the register keeps. */
    public enum Kind {
        /** The Conference of the Parties, every three years. */
        COP,
        /** The Standing Committee, between Conferences. */
        STANDING_COMMITTEE
    }

    /** How the Secretariat's documents name it: "COP12", "StC44". */
    public String code() {
        return (kind == Kind.COP ? "COP" : "StC") + number;
    }

    /** "44th meeting of the Standing Committee (Bonn, 14-15 October 2015)". */
    public String title() {
        String body = kind == Kind.COP ? "Conference of the Parties" : "Standing Committee";
        return "%s meeting of the %s (%s, %s)".formatted(ordinal(number), body, venue, dates());
    }

    /** "20-25 November 2011", "30 November 2008", "31 August - 2 September 2016". */
    public String dates() {
        var month = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
        if (startsOn.equals(endsOn)) {
            return startsOn.format(month);
        }
        if (startsOn.getMonth() == endsOn.getMonth() && startsOn.getYear() == endsOn.getYear()) {
            return startsOn.getDayOfMonth() + "-" + endsOn.format(month);
        }
        return startsOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM", java.util.Locale.ENGLISH))
                + " - " + endsOn.format(month);
    }

    public static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
