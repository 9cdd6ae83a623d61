package org.cms.partnerships.agreement;

import java.time.LocalDate;
import org.cms.partnerships.register.AgreementService;

/** When an agreement in force is next reviewed: every year on the anniversary of its signature. */
public final class AnnualReview {

    private AnnualReview() {
    }

    /**
     * The first anniversary of the signature after {@code today} (a review is never due on the day it is set).
     *
     * @deprecated the rule lives with the signature: use {@link AgreementService#firstReviewAfter}
     */
    @Deprecated
    public static LocalDate firstReviewAfter(LocalDate signedOn, LocalDate today) {
        return AgreementService.firstReviewAfter(signedOn, today);
    }
}
