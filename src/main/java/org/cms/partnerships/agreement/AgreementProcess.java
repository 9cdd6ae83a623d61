package org.cms.partnerships.agreement;

import static org.cms.partnerships.engine.variables.ProcessVariable.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerCategory;

/**
 * The {@code partnership-agreement} process: from proposal to signature. Key, element ids, message
 * names, the decisions' values and the variables' descriptors, shared by the model's listeners, the
 * facade ({@link AgreementLifecycle}) and the tests. The reference, partner and title are in
 * {@link AgreementVariables}.
 */
public final class AgreementProcess {

    public static final String KEY = "partnership-agreement";
    public static final String DECISION_ROUTE = "agreement-route";

    // Messages
    public static final String MESSAGE_WITHDRAWN = "AgreementWithdrawn";

    // Element ids: the stages (each declares its register status on the model)
    public static final String START = "startEvent_proposalSubmitted";
    public static final String DECIDE_ROUTE = "businessRuleTask_decideRoute";
    public static final String TASK_DUE_DILIGENCE = "userTask_dueDiligence";
    public static final String TASK_DRAFT = "userTask_draftAgreement";
    public static final String MILESTONE_IN_CONSULTATION = "intermediateThrowEvent_inConsultation";
    public static final String CONSULTATION = "subProcess_consultSecretariat";
    public static final String TASK_COMMENT_ON_DRAFT = "userTask_commentOnDraft";
    public static final String CONSULTATION_REMINDER_DUE = "boundaryEvent_consultationReminderDue";
    public static final String REMIND_SECRETARIAT = "serviceTask_remindSecretariat";
    public static final String CONSULTATION_DEADLINE = "boundaryEvent_consultationDeadline";
    public static final String END_NO_COMMENTS = "endEvent_noComments";
    public static final String END_COMMENTED = "endEvent_commented";
    public static final String TASK_LEGAL_REVIEW = "userTask_legalReview";
    public static final String TASK_CLEARANCE = "userTask_executiveClearance";
    public static final String ENDORSEMENT = "callActivity_standingCommitteeEndorsement";
    public static final String MILESTONE_AWAITING_PARTNER = "intermediateThrowEvent_awaitingPartnerApproval";
    public static final String REQUEST_PARTNER_APPROVAL = "serviceTask_requestPartnerApproval";
    public static final String TASK_PARTNER_DECISION = "userTask_recordPartnerDecision";
    public static final String PARTNER_REMINDER_DUE = "boundaryEvent_partnerReminderDue";
    public static final String REMIND_PARTNER = "serviceTask_remindPartner";
    public static final String ALERT_EXECUTIVE_SECRETARY = "serviceTask_alertExecutiveSecretary";
    public static final String END_EXECUTIVE_SECRETARY_ALERTED = "endEvent_executiveSecretaryAlerted";
    public static final String TASK_SIGNATURE = "userTask_recordSignature";
    public static final String NOTIFY_SIGNED = "serviceTask_notifySignature";
    public static final String END_IN_FORCE = "endEvent_agreementInForce";
    public static final String MILESTONE_REJECTED = "intermediateThrowEvent_rejected";
    public static final String NOTIFY_REJECTED = "serviceTask_notifyProposerOfRejection";
    public static final String END_REJECTED = "endEvent_proposalRejected";
    public static final String END_WITHDRAWN_WHILE_DRAFTING = "endEvent_withdrawnWhileDrafting";
    public static final String END_WITHDRAWN_AWAITING_PARTNER = "endEvent_withdrawnAwaitingPartner";
    public static final String WITHDRAWAL = "subProcess_withdrawal";
    public static final String WITHDRAWAL_REQUESTED = "startEvent_withdrawalRequested";
    public static final String END_WITHDRAWN_ON_REQUEST = "endEvent_withdrawnOnRequest";

    // Decisions: form values and BPMN conditions are exactly these constants' names
    public enum PartnerChoice { EXISTING, NEW }

    public enum DueDiligenceOutcome { CLEARED, CLEARED_WITH_CONDITIONS, REJECTED }

    public enum RiskRating { LOW, MEDIUM, HIGH }

    public enum DraftAction { SUBMITTED, WITHDRAWN }

    public enum LegalDecision { APPROVED, CHANGES_REQUIRED }

    public enum ClearanceDecision { CLEARED, RETURNED, REJECTED }

    public enum PartnerDecision { APPROVED, DECLINED, WITHDRAWN }

    // Proposal (start form / REST); partner acronym and title: AgreementVariables.ACRONYM, TITLE
    public static final ProcessVariable<PartnerChoice> PARTNER_CHOICE = choice("partnerChoice", PartnerChoice.class)
            .labelled("choice of partner");
    /** The partner chosen from the register in the start form (a select fed by {@code ProposalFormPartners}). */
    public static final ProcessVariable<String> EXISTING_PARTNER = text("existingPartner").labelled("partner")
            .maxLength(50);
    public static final ProcessVariable<String> NEW_PARTNER_NAME = text("newPartnerName").labelled("name of the new partner")
            .maxLength(300);
    public static final ProcessVariable<PartnerCategory> NEW_PARTNER_CATEGORY = choice("newPartnerCategory", PartnerCategory.class)
            .labelled("partner category");
    public static final ProcessVariable<String> NEW_PARTNER_HEADQUARTERS = text("newPartnerHeadquarters")
            .maxLength(200);
    public static final ProcessVariable<String> NEW_PARTNER_WEBSITE = text("newPartnerWebsite").labelled("partner's website")
            .maxLength(300);
    public static final ProcessVariable<String> FOCAL_POINT_NAME = text("focalPointName")
            .maxLength(200);
    public static final ProcessVariable<String> FOCAL_POINT_EMAIL = text("focalPointEmail").labelled("focal point's e-mail address")
            .maxLength(320);
    public static final ProcessVariable<Language> FOCAL_POINT_LANGUAGE = choice("focalPointLanguage", Language.class)
            .labelled("focal point's language");
    public static final ProcessVariable<InstrumentType> INSTRUMENT_TYPE = choice("instrumentType", InstrumentType.class)
            .labelled("instrument type");
    public static final ProcessVariable<String> SCOPE_SPECIES = text("scopeSpecies");
    public static final ProcessVariable<String> SCOPE_THEMES = text("scopeThemes");
    public static final ProcessVariable<String> SCOPE_REGIONS = text("scopeRegions");
    /** The CMS Family instruments concerned: a list in the proposal, kept as "AEWA, EUROBATS" for display after the start. */
    public static final ProcessVariable<List<String>> FAMILY_INSTRUMENTS = textList("familyInstruments")
            .labelled("CMS Family instruments")
            .maxLength(500);
    public static final ProcessVariable<java.time.LocalDate> TERM_START = date("proposedTermStart")
            .labelled("start of the proposed term");
    public static final ProcessVariable<java.time.LocalDate> TERM_END = date("proposedTermEnd")
            .labelled("end of the proposed term");
    /** The agreement the proposal supersedes (sealed at start): {@link AgreementVariables#SUPERSEDED_REFERENCE}. */
    public static final ProcessVariable<String> SUPERSEDES = AgreementVariables.SUPERSEDED_REFERENCE;
    public static final ProcessVariable<String> PROPOSED_BY = text("proposedBy")
            .maxLength(100);
    // Set at start
    public static final ProcessVariable<PartnerCategory> PARTNER_CATEGORY = choice("partnerCategory", PartnerCategory.class);
    public static final ProcessVariable<Boolean> SUPERSEDES_FLAG = bool("supersedes");
    public static final ProcessVariable<List<String>> FAMILY_INSTRUMENT_LIST = textList("familyInstrumentList");
    public static final ProcessVariable<String> PARTNER_REMINDER_CYCLE = org.cms.partnerships.endorsement.EndorsementProcess.PARTNER_REMINDER_CYCLE;
    /** The result of the decision table agreement-route (dueDiligence, familyConsultation, legalReview, standingCommittee). */
    public static final ProcessVariable<Map<String, Object>> ROUTE = object("route", Map.class);
    /** The output of agreement-route that says whether the CMS Family is consulted (with {@link #CONSULT_FAMILY}). */
    public static final String ROUTE_FAMILY_CONSULTATION = "familyConsultation";
    public static final ProcessVariable<Boolean> CONSULT_FAMILY = bool("consultFamily");
    // Due diligence
    public static final ProcessVariable<DueDiligenceOutcome> DUE_DILIGENCE_OUTCOME = choice("dueDiligenceOutcome",
            DueDiligenceOutcome.class).labelled("outcome");
    public static final ProcessVariable<RiskRating> RISK_RATING = choice("riskRating", RiskRating.class).labelled("risk rating");
    public static final ProcessVariable<String> CONDITIONS = text("dueDiligenceConditions").labelled("conditions");
    public static final ProcessVariable<String> DUE_DILIGENCE_NOTES = text("dueDiligenceNotes").labelled("notes");
    // Drafting
    public static final ProcessVariable<DraftAction> DRAFT_ACTION = choice("draftAction", DraftAction.class).labelled("action");
    public static final ProcessVariable<String> DRAFT_URL = text("draftUrl").labelled("link to the draft")
            .maxLength(500);
    public static final ProcessVariable<String> DRAFT_VERSION = text("draftVersion").labelled("version label")
            .maxLength(60);
    public static final ProcessVariable<String> TERMS_SUMMARY = text("termsSummary").labelled("summary of the terms");
    public static final ProcessVariable<java.time.LocalDate> CONSULTATION_DEADLINE_DATE = date("consultationDeadline")
            .labelled("consultation deadline");
    public static final ProcessVariable<Date> CONSULTATION_DEADLINE_AT = instant("consultationDeadlineAt");
    public static final ProcessVariable<Date> CONSULTATION_REMINDER_AT = instant("consultationReminderAt");
    /** Why the draft is being (re)drafted: the reason of the DRAFTING status, shown on the drafting form. */
    public static final ProcessVariable<String> REVISION_REASON = text("revisionReason");
    /** The Committee endorsed with amendments: the amended draft goes straight back to it. */
    public static final ProcessVariable<Boolean> RETURN_TO_ENDORSEMENT = bool("returnToEndorsement");
    public static final ProcessVariable<String> CONSULTED_SECRETARIAT = org.cms.partnerships.notification.NotificationVariables.CONSULTED_SECRETARIAT;
    public static final ProcessVariable<String> CONSULTATION_COMMENTS = text("consultationComments").labelled("comments");
    // Reviews
    public static final ProcessVariable<LegalDecision> LEGAL_DECISION = choice("legalDecision", LegalDecision.class)
            .labelled("legal decision");
    public static final ProcessVariable<String> LEGAL_COMMENTS = text("legalComments");
    public static final ProcessVariable<ClearanceDecision> CLEARANCE_DECISION = choice("clearanceDecision",
            ClearanceDecision.class).labelled("clearance decision");
    public static final ProcessVariable<String> CLEARANCE_COMMENTS = text("clearanceComments");
    /**
     * What was said so far on the agreement (consultation, legal review, clearance, decisions), newest first,
     * as Markdown with every stored character escaped: a task-local variable written when the reviewing and
     * drafting tasks (and the Committee's scheduling of an agreement) are created ({@link ShowCommentsSoFar}),
     * shown by their forms with {@code {{commentsSoFar}}}. Under 4000 characters ({@link CommentsSoFar}).
     */
    public static final ProcessVariable<String> COMMENTS_SO_FAR = text("commentsSoFar");
    // Endorsement (out of the call activity standing-committee-endorsement)
    public static final ProcessVariable<org.cms.partnerships.endorsement.Endorsement.Decision> ENDORSEMENT_DECISION =
            org.cms.partnerships.endorsement.EndorsementProcess.ENDORSEMENT_DECISION;
    public static final ProcessVariable<String> ENDORSEMENT_DECISION_TEXT =
            org.cms.partnerships.endorsement.EndorsementProcess.ENDORSEMENT_DECISION_TEXT;
    /** The reason of the REJECTED status, set by the step that rejects. */
    public static final ProcessVariable<String> REJECTION_REASON = text("rejectionReason");
    // Partner
    public static final ProcessVariable<PartnerDecision> PARTNER_DECISION = choice("partnerDecision", PartnerDecision.class)
            .labelled("partner decision");
    public static final ProcessVariable<String> PARTNER_DECISION_REASON = text("partnerDecisionReason");
    public static final ProcessVariable<java.time.LocalDate> PARTNER_DECISION_DATE = date("partnerDecisionDate")
            .labelled("date of the partner's decision");
    /** Reminder dates reached, sent or not: the count the alert waits for. */
    public static final ProcessVariable<Integer> PARTNER_REMINDERS_SENT = integer("partnerRemindersSent");
    /**
     * For a record brought under process control while awaiting its partner: since when the partner has
     * been silent (its last status change) and how many reminder dates had passed by then, none of them
     * sent by this system. Unset on a proposal that went through the process; the alert tells both apart.
     */
    public static final ProcessVariable<java.time.LocalDate> PARTNER_SILENT_SINCE = date("partnerSilentSince");
    public static final ProcessVariable<Integer> PARTNER_REMINDER_DATES_BEFORE_PROCESS = integer("partnerReminderDatesBeforeProcess");
    public static final ProcessVariable<Integer> REMINDERS_BEFORE_ALERT = integer("remindersBeforeAlert");
    /** The reason of the WITHDRAWN status (drafting form, partner form, REST). */
    public static final ProcessVariable<String> WITHDRAWAL_REASON = text("withdrawalReason").labelled("reason for withdrawing");
    // Signature
    public static final ProcessVariable<java.time.LocalDate> SIGNED_ON = date("signedOn").labelled("date of signature");
    public static final ProcessVariable<String> PLACE_OF_SIGNATURE = text("placeOfSignature").labelled("place of signature")
            .maxLength(200);
    public static final ProcessVariable<String> SIGNATORY_CMS = text("signatoryCms").labelled("signatory for CMS")
            .maxLength(300);
    public static final ProcessVariable<String> SIGNATORY_PARTNER = text("signatoryPartner").labelled("signatory for the partner")
            .maxLength(300);
    public static final ProcessVariable<java.time.LocalDate> IN_FORCE_FROM = date("inForceFrom").labelled("date of entry into force");
    public static final ProcessVariable<java.time.LocalDate> EXPIRES_ON = date("expiresOn").labelled("expiry date");

    private AgreementProcess() {
    }
}
