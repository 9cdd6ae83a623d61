package org.cms.partnerships.register;

import java.time.LocalDate;

/** A member of the CMS Standing Committee: not a system user, written to by e-mail. */
public record CommitteeMember(long id, String name, String partyOrSeat, String region, String role, String email,
                              Language preferredLanguage, LocalDate termStart, LocalDate termEnd) {

    public boolean servesOn(LocalDate day) {
        return !termStart.isAfter(day) && (termEnd == null || !termEnd.isBefore(day));
    }
}
