package org.cms.partnerships.workplan;

import java.util.Optional;

/**
 * One coded activity (A1 ... D4). The timeframe is kept as the Secretariat writes it: a year, a span,
 * "On-going", "Annual and as-required" or a condition.
 */
public record WorkPlanActivity(long id, String themeCode, String code, String heading, String description,
                               String timeframe, String lead, boolean subjectToExternalFunding,
                               FundingStatus fundingStatus, ActivityStatus status) {

    /**
     * The funding rule: an activity subject to external funding waits (AWAITING_FUNDING) and cannot
     * go IN_PROGRESS before its funding is recorded, now or earlier.
     *
     * @return why the move to {@code to} is refused, or empty when it is allowed
     */
    public Optional<String> fundingRefusal(ActivityStatus to, boolean fundingSecuredNow) {
        boolean waits = subjectToExternalFunding && fundingStatus != FundingStatus.SECURED && !fundingSecuredNow;
        return to == ActivityStatus.IN_PROGRESS && waits
                ? Optional.of("%s waits for external funding: record the funding first".formatted(code))
                : Optional.empty();
    }
}
