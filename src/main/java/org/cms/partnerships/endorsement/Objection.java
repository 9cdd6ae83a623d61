package org.cms.partnerships.endorsement;

import java.time.Instant;

/** An objection by a committee member in a written procedure; a late one is kept but not acted upon. */
public record Objection(long id, long endorsementId, String memberName, String reason, Instant receivedAt, boolean late,
                        String receivedVia) {
}
