package org.cms.partnerships.copreport;

import java.util.EnumSet;
import java.util.Set;

/** Where a report to the Conference of the Parties stands; each status is a stage of {@code cop-report}. */
public enum CopReportStatus {
    /** The officer drafts the narrative beside the facts (again after a return). */
    DRAFTING,
    /** With the Executive Secretary; the facts are still computed live. */
    AWAITING_APPROVAL,
    /** Approved (facts frozen); courtesy translations into French and Spanish requested. */
    IN_TRANSLATION,
    /** Ready to be published with its symbol by the document deadline. */
    AWAITING_PUBLICATION,
    PUBLISHED;

    /** Whether the lifecycle allows a move from this status to {@code next}. */
    public boolean canChangeTo(CopReportStatus next) {
        Set<CopReportStatus> allowed = switch (this) {
            case DRAFTING -> EnumSet.of(AWAITING_APPROVAL);
            case AWAITING_APPROVAL -> EnumSet.of(DRAFTING, IN_TRANSLATION);
            case IN_TRANSLATION -> EnumSet.of(AWAITING_PUBLICATION);
            case AWAITING_PUBLICATION -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(CopReportStatus.class);
        };
        return allowed.contains(next);
    }

    /** Before approval the facts follow the register; from approval on they are the frozen ones. */
    public boolean factsFrozen() {
        return this != DRAFTING && this != AWAITING_APPROVAL;
    }
}
