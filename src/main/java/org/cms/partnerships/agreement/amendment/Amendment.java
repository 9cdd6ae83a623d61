package org.cms.partnerships.agreement.amendment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Amendment N of an agreement, with its own history. */
public record Amendment(long id, String agreementReference, int number, Type type, String description, String newScope,
                        LocalDate newExpiresOn, Status status, List<Event> history) {

    public enum Type { ADMINISTRATIVE_CORRECTION, CHANGE_OF_SCOPE, CHANGE_OF_FOCAL_POINTS, EXTENSION_OF_TERM }

    public enum Status { OPEN, ADOPTED, REJECTED }

    public record Event(String event, Instant at, String by, String note) {
    }

    /** "CMS-IWC-2000/A1": the reference of amendment 1 of CMS-IWC-2000. */
    public String reference() {
        return agreementReference + "/A" + number;
    }
}
