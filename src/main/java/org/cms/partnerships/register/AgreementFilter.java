package org.cms.partnerships.register;

/** Criteria for listing agreements; null means "any". Text matches reference, title, scope or partner. */
public record AgreementFilter(AgreementStatus status, PartnerCategory category, InstrumentType instrumentType,
                              String partner, String text) {

    public static AgreementFilter all() {
        return new AgreementFilter(null, null, null, null, null);
    }
}
