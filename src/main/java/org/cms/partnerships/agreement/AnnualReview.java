package org.cms.partnerships.agreement;

import java.time.LocalDate;
import java.time.MonthDay;

/** When an agreement in force is next reviewed: every year on the anniversary of its signature. */
public final class AnnualReview {

    private AnnualReview() {
    }

    /** The first anniversary of the signature after {@code today} (a review is never due on the day it is set). */
    public static LocalDate firstReviewAfter(LocalDate signedOn, LocalDate today) {
        LocalDate candidate = MonthDay.from(signedOn).atYear(today.getYear());
        return candidate.isAfter(today) ? candidate : candidate.plusYears(1);
    }
}
