package org.cms.partnerships.agreement;

import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.notification.NotificationVariables;

/** Process variables every agreement process carries: ids only, the register holds the record. */
public final class AgreementVariables {


    /** The agreement the process works on; sealed at start. */
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.text("agreementReference")
            .labelled("agreement reference")
            .maxLength(60);
    /** The agreement a renewal supersedes; sealed at start (absent stays absent). */
    public static final ProcessVariable<String> SUPERSEDED_REFERENCE = ProcessVariable.text("supersedesReference")
            .labelled("agreement it supersedes")
            .maxLength(60);
    /** The partner's acronym: copied at start for task titles, forms and e-mails; the register stays the source. */
    public static final ProcessVariable<String> ACRONYM = NotificationVariables.PARTNER_ACRONYM;
    /** The partner's name, copied at start like {@link #ACRONYM}. */
    public static final ProcessVariable<String> PARTNER = NotificationVariables.PARTNER_NAME;
    /** The agreement's title, copied at start like {@link #ACRONYM}. */
    public static final ProcessVariable<String> TITLE = ProcessVariable.text("agreementTitle").labelled("title")
            .maxLength(500);

    private AgreementVariables() {
    }
}
