package org.cms.partnerships.register;

import java.util.Set;

/**
 * Criteria for listing agreements; null means "any". Text matches reference, title, scope or partner
 * (case-insensitive substring). {@code namingSecretariats}: only agreements whose CMS Family instruments
 * name one of these secretariats (keys as {@code Groups.secretariatKey} spells them: "aewa"; empty: none),
 * what a Family secretariat may read (set by {@code RegisterReadAccess}, so that lists are cut in SQL).
 */
public record AgreementFilter(AgreementStatus status, PartnerCategory category, InstrumentType instrumentType,
                              String partner, String text, Set<String> namingSecretariats) {

    public AgreementFilter {
        namingSecretariats = namingSecretariats == null ? null : Set.copyOf(namingSecretariats);
    }

    public AgreementFilter(AgreementStatus status, PartnerCategory category, InstrumentType instrumentType,
                           String partner, String text) {
        this(status, category, instrumentType, partner, text, null);
    }

    public static AgreementFilter all() {
        return new AgreementFilter(null, null, null, null, null);
    }

    /** The same criteria in any status (the list page's counts per status). */
    public AgreementFilter anyStatus() {
        return new AgreementFilter(null, category, instrumentType, partner, text, namingSecretariats);
    }

    /** The same criteria, limited to the agreements naming one of these secretariats. */
    public AgreementFilter naming(Set<String> secretariatKeys) {
        return new AgreementFilter(status, category, instrumentType, partner, text, secretariatKeys);
    }
}
