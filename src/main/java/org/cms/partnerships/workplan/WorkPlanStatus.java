package org.cms.partnerships.workplan;

/** Where a joint work plan stands (DOMAIN.md "Lifecycle of a joint work plan"). */
public enum WorkPlanStatus {
    DRAFT, IN_CONSULTATION, AWAITING_ENDORSEMENT, IN_IMPLEMENTATION, CLOSED, STOPPED,
    /** One of the two bodies did not endorse it: it never went into implementation. */
    NOT_ADOPTED
}
