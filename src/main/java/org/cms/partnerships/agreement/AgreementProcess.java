package org.cms.partnerships.agreement;

/**
 * The {@code partnership-agreement} process: from proposal to signature. Key, element ids, message
 * names and variable names, shared by the model's delegates, the REST facade and the tests.
 */
public final class AgreementProcess {

    public static final String KEY = "partnership-agreement";
    public static final String DECISION_ROUTE = "agreement-route";

    // Messages
    public static final String MESSAGE_WITHDRAWN = "AgreementWithdrawn";
    public static final String MESSAGE_PARTNER_DECISION = "PartnerDecisionReceived";

    // Element ids
    public static final String START = "startEvent_proposalSubmitted";
    public static final String DECIDE_ROUTE = "businessRuleTask_decideRoute";
    public static final String MARK_DUE_DILIGENCE = "serviceTask_markInDueDiligence";
    public static final String TASK_DUE_DILIGENCE = "userTask_dueDiligence";
    public static final String RECORD_DUE_DILIGENCE = "serviceTask_recordDueDiligence";
    public static final String MARK_REJECTED = "serviceTask_markRejected";
    public static final String NOTIFY_REJECTED = "serviceTask_notifyProposerOfRejection";
    public static final String END_REJECTED = "endEvent_proposalRejected";
    public static final String MARK_DRAFTING = "serviceTask_markDrafting";
    public static final String TASK_DRAFT = "userTask_draftAgreement";
    public static final String RECORD_DRAFT = "serviceTask_recordDraft";
    public static final String MARK_IN_CONSULTATION = "serviceTask_markInConsultation";
    public static final String CONSULTATION = "subProcess_consultSecretariat";
    public static final String TASK_COMMENT_ON_DRAFT = "userTask_commentOnDraft";
    public static final String CONSULTATION_REMINDER_DUE = "boundaryEvent_consultationReminderDue";
    public static final String REMIND_SECRETARIAT = "serviceTask_remindSecretariat";
    public static final String CONSULTATION_DEADLINE = "boundaryEvent_consultationDeadline";
    public static final String RECORD_NO_COMMENTS = "serviceTask_recordNoComments";
    public static final String RECORD_COMMENTS = "serviceTask_recordComments";
    public static final String MARK_IN_LEGAL_REVIEW = "serviceTask_markInLegalReview";
    public static final String TASK_LEGAL_REVIEW = "userTask_legalReview";
    public static final String RECORD_LEGAL_REVIEW = "serviceTask_recordLegalReview";
    public static final String MARK_AWAITING_CLEARANCE = "serviceTask_markAwaitingClearance";
    public static final String TASK_CLEARANCE = "userTask_executiveClearance";
    public static final String RECORD_CLEARANCE = "serviceTask_recordClearance";
    public static final String MARK_AWAITING_ENDORSEMENT = "serviceTask_markAwaitingEndorsement";
    public static final String ENDORSEMENT = "callActivity_standingCommitteeEndorsement";
    public static final String RECORD_ENDORSEMENT = "serviceTask_recordEndorsementOutcome";
    public static final String MARK_AWAITING_PARTNER = "serviceTask_markAwaitingPartnerApproval";
    public static final String REQUEST_PARTNER_APPROVAL = "serviceTask_requestPartnerApproval";
    public static final String TASK_PARTNER_DECISION = "userTask_recordPartnerDecision";
    public static final String PARTNER_DECISION_RECEIVED = "boundaryEvent_partnerDecisionReceived";
    public static final String PARTNER_REMINDER_DUE = "boundaryEvent_partnerReminderDue";
    public static final String REMIND_PARTNER = "serviceTask_remindPartner";
    public static final String ALERT_EXECUTIVE_SECRETARY = "serviceTask_alertExecutiveSecretary";
    public static final String RECORD_PARTNER_DECISION = "serviceTask_recordPartnerDecision";
    public static final String MARK_AWAITING_SIGNATURE = "serviceTask_markAwaitingSignature";
    public static final String TASK_SIGNATURE = "userTask_recordSignature";
    public static final String RECORD_SIGNATURE = "serviceTask_recordSignature";
    public static final String NOTIFY_SIGNED = "serviceTask_notifySignature";
    public static final String END_IN_FORCE = "endEvent_agreementInForce";
    public static final String MARK_WITHDRAWN = "serviceTask_markWithdrawn";
    public static final String END_WITHDRAWN = "endEvent_proposalWithdrawn";
    public static final String WITHDRAWAL = "subProcess_withdrawal";
    public static final String WITHDRAWAL_REQUESTED = "startEvent_withdrawalRequested";
    public static final String MARK_WITHDRAWN_ON_REQUEST = "serviceTask_markWithdrawnOnRequest";

    // Proposal (start form / REST)
    public static final String PARTNER_CHOICE = "partnerChoice"; // EXISTING or NEW
    public static final String PARTNER_ACRONYM = "partnerAcronym";
    public static final String NEW_PARTNER_NAME = "newPartnerName";
    public static final String NEW_PARTNER_CATEGORY = "newPartnerCategory";
    public static final String NEW_PARTNER_HEADQUARTERS = "newPartnerHeadquarters";
    public static final String NEW_PARTNER_WEBSITE = "newPartnerWebsite";
    public static final String FOCAL_POINT_NAME = "focalPointName";
    public static final String FOCAL_POINT_EMAIL = "focalPointEmail";
    public static final String FOCAL_POINT_LANGUAGE = "focalPointLanguage";
    public static final String INSTRUMENT_TYPE = "instrumentType";
    public static final String TITLE = "agreementTitle";
    public static final String SCOPE_SPECIES = "scopeSpecies";
    public static final String SCOPE_THEMES = "scopeThemes";
    public static final String SCOPE_REGIONS = "scopeRegions";
    public static final String FAMILY_INSTRUMENTS = "familyInstruments";
    public static final String TERM_START = "proposedTermStart";
    public static final String TERM_END = "proposedTermEnd";
    public static final String SUPERSEDES = "supersedesReference";
    public static final String PROPOSED_BY = "proposedBy";
    // Set at start
    public static final String PARTNER_CATEGORY = "partnerCategory";
    public static final String SUPERSEDES_FLAG = "supersedes";
    public static final String FAMILY_INSTRUMENT_LIST = "familyInstrumentList";
    public static final String PARTNER_REMINDER_CYCLE = "partnerReminderCycle";
    public static final String ROUTE = "route";
    // Due diligence
    public static final String DUE_DILIGENCE_OUTCOME = "dueDiligenceOutcome";
    public static final String RISK_RATING = "riskRating";
    public static final String CONDITIONS = "dueDiligenceConditions";
    public static final String DUE_DILIGENCE_NOTES = "dueDiligenceNotes";
    // Drafting
    public static final String DRAFT_ACTION = "draftAction"; // SUBMIT or WITHDRAW
    public static final String DRAFT_URL = "draftUrl";
    public static final String DRAFT_VERSION = "draftVersion";
    public static final String TERMS_SUMMARY = "termsSummary";
    public static final String CONSULTATION_DEADLINE_DATE = "consultationDeadline";
    public static final String CONSULTATION_DEADLINE_AT = "consultationDeadlineAt";
    public static final String CONSULTATION_REMINDER_AT = "consultationReminderAt";
    public static final String REVISION_REASON = "revisionReason";
    public static final String RETURN_TO_ENDORSEMENT = "returnToEndorsement";
    public static final String CONSULTED_SECRETARIAT = "consultedSecretariat";
    public static final String CONSULTATION_COMMENTS = "consultationComments";
    // Reviews
    public static final String LEGAL_DECISION = "legalDecision"; // APPROVED or CHANGES_REQUIRED
    public static final String LEGAL_COMMENTS = "legalComments";
    public static final String CLEARANCE_DECISION = "clearanceDecision"; // CLEAR, RETURN, REJECT
    public static final String CLEARANCE_COMMENTS = "clearanceComments";
    public static final String REJECTION_REASON = "rejectionReason";
    // Partner
    public static final String PARTNER_DECISION = "partnerDecision"; // APPROVED, DECLINED, WITHDRAW
    public static final String PARTNER_DECISION_REASON = "partnerDecisionReason";
    public static final String PARTNER_DECISION_DATE = "partnerDecisionDate";
    public static final String PARTNER_REMINDERS_SENT = "partnerRemindersSent";
    public static final String REMINDERS_BEFORE_ALERT = "remindersBeforeAlert";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    // Signature
    public static final String SIGNED_ON = "signedOn";
    public static final String PLACE_OF_SIGNATURE = "placeOfSignature";
    public static final String SIGNATORY_CMS = "signatoryCms";
    public static final String SIGNATORY_PARTNER = "signatoryPartner";
    public static final String IN_FORCE_FROM = "inForceFrom";
    public static final String EXPIRES_ON = "expiresOn";

    private AgreementProcess() {
    }
}
