package org.cms.partnerships.workplan;

import java.time.Instant;

/** One line of a plan's status history: who moved it from which status to which, when and why. */
public record WorkPlanStatusChange(WorkPlanStatus fromStatus, WorkPlanStatus toStatus, Instant changedAt, String changedBy,
                                   String reason) {
}
