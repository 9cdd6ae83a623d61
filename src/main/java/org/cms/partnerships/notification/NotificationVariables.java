package org.cms.partnerships.notification;

import org.cms.partnerships.engine.variables.ProcessVariable;

/**
 * What the notification steps read and write. Every e-mail step of every process names its
 * template and subject in the task's input parameters {@link #TEMPLATE} and {@link #SUBJECT_REFERENCE}
 * ("notifyStaff" also {@link #GROUPS} and {@link #USERS}); the recipients come from the process.
 */
public final class NotificationVariables {

    // ------------------------------------------------------------------ input parameters of an e-mail step
    /** Template under {@code mail/}, e.g. {@code endorsement-documents}. */
    public static final ProcessVariable<String> TEMPLATE = ProcessVariable.text("template").labelled("e-mail template");
    /** The register reference the e-mail is about (and is logged under). */
    public static final ProcessVariable<String> SUBJECT_REFERENCE =
            ProcessVariable.text("subjectReference").labelled("subject reference");
    /** Staff groups to write to, comma-separated ids (expressions allowed). */
    public static final ProcessVariable<String> GROUPS = ProcessVariable.text("groups");
    /** Staff users to write to, comma-separated ids. */
    public static final ProcessVariable<String> USERS = ProcessVariable.text("users");

    // ------------------------------------------------------------------ read from the calling process
    /**
     * The partner whose focal points are written to. Carried by every process about a partner; the
     * agreement processes' own descriptor (AgreementVariables) should point here, or this there.
     */
    public static final ProcessVariable<String> PARTNER_ACRONYM = ProcessVariable.text("partnerAcronym").labelled("partner")
            .maxLength(40);
    /** The partner's name, copied at start like the acronym; the register stays the source. */
    public static final ProcessVariable<String> PARTNER_NAME = ProcessVariable.text("partnerName").labelled("partner's name")
            .maxLength(300);
    /** The CMS Family secretariat consulted on a draft agreement (set by the agreement process). */
    public static final ProcessVariable<String> CONSULTED_SECRETARIAT =
            ProcessVariable.text("consultedSecretariat").labelled("consulted secretariat");

    // ------------------------------------------------------------------ written
    /** Text listing recipients that could not be notified, shown by the next task's form. */
    public static final ProcessVariable<String> PROBLEMS = ProcessVariable.text("notificationProblems");

    private NotificationVariables() {
    }
}
