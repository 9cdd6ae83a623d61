package org.cms.partnerships.workplan;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a joint work plan stands (DOMAIN.md "Lifecycle of a joint work plan") and where it may go
 * next: drafted, sent to the partner, endorsed by both bodies, implemented, then closed; it may be
 * stopped at any point before it closes (its agreement ended).
 */
public enum WorkPlanStatus {
    DRAFT, IN_CONSULTATION, AWAITING_ENDORSEMENT, IN_IMPLEMENTATION, CLOSED, STOPPED,
    /** One of the two bodies did not endorse it: it never went into implementation. */
    NOT_ADOPTED;

    /** The statuses a plan in this status may move to. */
    public Set<WorkPlanStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_CONSULTATION, STOPPED);
            case IN_CONSULTATION -> EnumSet.of(AWAITING_ENDORSEMENT, STOPPED);
            case AWAITING_ENDORSEMENT -> EnumSet.of(IN_IMPLEMENTATION, NOT_ADOPTED, STOPPED);
            case IN_IMPLEMENTATION -> EnumSet.of(CLOSED, STOPPED);
            case CLOSED, STOPPED, NOT_ADOPTED -> EnumSet.noneOf(WorkPlanStatus.class);
        };
    }

    /** The status in words for forms and reports ("In implementation"); the name stays in the API. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase().replace('_', ' ');
    }

    public boolean canChangeTo(WorkPlanStatus to) {
        return next().contains(to);
    }

    /** Closed, stopped or not adopted: nothing more happens to the plan. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
