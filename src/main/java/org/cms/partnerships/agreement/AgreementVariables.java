package org.cms.partnerships.agreement;

import org.cms.partnerships.engine.variables.ProcessVariable;

/** Process variables every agreement process carries: ids only, the register holds the record. */
public final class AgreementVariables {

    /** @deprecated use {@link #REFERENCE} ({@code REFERENCE.name()} for a query) */
    @Deprecated
    public static final String AGREEMENT_REFERENCE = "agreementReference";
    /** @deprecated use {@link #ACRONYM} */
    @Deprecated
    public static final String PARTNER_ACRONYM = "partnerAcronym";
    /** @deprecated use {@link #PARTNER} */
    @Deprecated
    public static final String PARTNER_NAME = "partnerName";
    /** @deprecated use {@link #TITLE} */
    @Deprecated
    public static final String AGREEMENT_TITLE = "agreementTitle";

    /** The agreement the process works on; sealed at start. */
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.text("agreementReference")
            .labelled("agreement reference");
    /** The agreement a renewal supersedes; sealed at start (absent stays absent). */
    public static final ProcessVariable<String> SUPERSEDED_REFERENCE = ProcessVariable.text("supersedesReference")
            .labelled("agreement it supersedes");
    /** The partner's acronym: copied at start for task titles, forms and e-mails; the register stays the source. */
    public static final ProcessVariable<String> ACRONYM = ProcessVariable.text("partnerAcronym").labelled("partner's acronym");
    /** The partner's name, copied at start like {@link #ACRONYM}. */
    public static final ProcessVariable<String> PARTNER = ProcessVariable.text("partnerName").labelled("partner's name");
    /** The agreement's title, copied at start like {@link #ACRONYM}. */
    public static final ProcessVariable<String> TITLE = ProcessVariable.text("agreementTitle").labelled("title");

    private AgreementVariables() {
    }
}
