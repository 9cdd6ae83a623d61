package org.cms.partnerships.workplan;

/** A joint work plan (programme) with a partner, usually hanging off an agreement. */
public record WorkPlan(long id, String reference, String partnerAcronym, String agreementReference, String title,
                       int periodStartYear, int periodEndYear, WorkPlanStatus status, String predecessorReference) {
}
