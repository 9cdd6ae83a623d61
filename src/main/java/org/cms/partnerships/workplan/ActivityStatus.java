package org.cms.partnerships.workplan;

/** Implementation status of one coded activity of a joint work plan. */
public enum ActivityStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, AWAITING_FUNDING, DROPPED;

    public boolean isFinished() {
        return this == COMPLETED || this == DROPPED;
    }
}
