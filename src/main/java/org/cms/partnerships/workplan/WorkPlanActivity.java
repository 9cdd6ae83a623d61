package org.cms.partnerships.workplan;

/**
 * One coded activity (A1 ... D4). The timeframe is kept as the Secretariat writes it: a year, a span,
 * "On-going", "Annual and as-required" or a condition.
 */
public record WorkPlanActivity(long id, String themeCode, String code, String heading, String description,
                               String timeframe, String lead, boolean subjectToExternalFunding,
                               FundingStatus fundingStatus, ActivityStatus status) {
}
