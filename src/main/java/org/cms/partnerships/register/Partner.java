package org.cms.partnerships.register;

/** An organization the Secretariat works with, formally (a signed instrument) or de facto. */
public record Partner(
        long id,
        String acronym,
        String name,
        PartnerCategory category,
        String headquarters,
        String website,
        boolean deFacto,
        String notes) {
}
