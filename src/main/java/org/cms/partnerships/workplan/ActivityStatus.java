package org.cms.partnerships.workplan;

/** Implementation status of one coded activity of a joint work plan. */
public enum ActivityStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, AWAITING_FUNDING, DROPPED;

    /** The status in words for forms and reports ("Not started", "Awaiting funding"); the name stays in the API. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase().replace('_', ' ');
    }

    public boolean isFinished() {
        return this == COMPLETED || this == DROPPED;
    }
}
