package org.cms.partnerships.agreement;

import org.cms.partnerships.engine.variables.ProcessVariable;

/** Process variables every agreement process carries: ids only, the register holds the record. */
public final class AgreementVariables {

    public static final String AGREEMENT_REFERENCE = "agreementReference";
    /** Copied at start for task titles and forms; the register stays the source. */
    public static final String PARTNER_ACRONYM = "partnerAcronym";
    public static final String PARTNER_NAME = "partnerName";
    public static final String AGREEMENT_TITLE = "agreementTitle";

    /** The agreement the process works on; sealed at start. */
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.text(AGREEMENT_REFERENCE)
            .labelled("agreement reference");
    /** The agreement a renewal supersedes; sealed at start (absent stays absent). */
    public static final ProcessVariable<String> SUPERSEDED_REFERENCE = ProcessVariable.text(AgreementProcess.SUPERSEDES)
            .labelled("agreement it supersedes");

    private AgreementVariables() {
    }
}
