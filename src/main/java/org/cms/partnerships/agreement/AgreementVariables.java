package org.cms.partnerships.agreement;

/** Process variables every agreement process carries: ids only, the register holds the record. */
public final class AgreementVariables {

    public static final String AGREEMENT_REFERENCE = "agreementReference";
    /** Copied at start for task titles and forms; the register stays the source. */
    public static final String PARTNER_ACRONYM = "partnerAcronym";
    public static final String PARTNER_NAME = "partnerName";
    public static final String AGREEMENT_TITLE = "agreementTitle";

    private AgreementVariables() {
    }
}
