package org.cms.partnerships.register;

import java.time.Instant;

/** One line of an agreement's history: who moved it from which status to which, when and why. */
public record StatusChange(AgreementStatus fromStatus, AgreementStatus toStatus, Instant changedAt, String changedBy,
                           String reason) {
}
