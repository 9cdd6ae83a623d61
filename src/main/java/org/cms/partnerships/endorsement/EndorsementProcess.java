package org.cms.partnerships.endorsement;

/**
 * The reusable sub-process {@code standing-committee-endorsement}: key, element ids and variable
 * names shared by the calling processes, the delegates and the tests.
 *
 * <p>Inputs (call activity "in" mappings): {@link #SUBJECT_TYPE}, {@link #SUBJECT_REFERENCE},
 * {@link #BODY} and optionally {@link #MODE}. Outputs: {@link #DECISION}, {@link #DECISION_DATE},
 * {@link #DECISION_TEXT}, {@link #ENDORSEMENT_ID} and {@link #DOCUMENT_NUMBER}. A "deferred" never
 * leaves the sub-process: it loops to the next meeting.
 */
public final class EndorsementProcess {

    public static final String KEY = "standing-committee-endorsement";

    // Element ids
    public static final String START = "startEvent_endorsementRequested";
    public static final String TASK_SCHEDULE = "userTask_scheduleEndorsement";
    public static final String REGISTER_SCHEDULE = "serviceTask_registerSchedule";
    public static final String TIMER_DOCUMENTS_DUE = "timerEvent_documentsDue";
    public static final String SEND_DOCUMENTS = "serviceTask_sendMeetingDocuments";
    public static final String TIMER_REMINDER_DUE = "timerEvent_meetingReminderDue";
    public static final String SEND_REMINDER = "serviceTask_sendMeetingReminder";
    public static final String TIMER_MEETING_DAY = "timerEvent_meetingDay";
    public static final String TASK_RECORD_MEETING_DECISION = "userTask_recordMeetingDecision";
    public static final String RECORD_DEFERRAL = "serviceTask_recordDeferral";
    public static final String SEND_WRITTEN_PROCEDURE = "serviceTask_sendWrittenProcedure";
    public static final String TASK_RECORD_OBJECTION = "userTask_recordObjection";
    public static final String OBJECTION_RECEIVED = "boundaryEvent_objectionReceived";
    public static final String DEADLINE_PASSED = "boundaryEvent_objectionDeadlinePassed";
    public static final String RECORD_OBJECTION = "serviceTask_recordObjection";
    public static final String CLOSE_WITHOUT_OBJECTION = "serviceTask_closeWithoutObjection";
    public static final String TASK_RECORD_PARTNER_BODY_DECISION = "userTask_recordPartnerBodyDecision";
    public static final String PARTNER_REMINDER_DUE = "boundaryEvent_partnerBodyReminderDue";
    public static final String REMIND_PARTNER_BODY = "serviceTask_remindPartnerBody";
    public static final String RECORD_DECISION = "serviceTask_recordDecision";
    public static final String NOTIFY_DECISION = "serviceTask_notifyDecision";
    public static final String END_DECIDED = "endEvent_endorsementDecided";
    public static final String END_PARTNER_BODY_DECIDED = "endEvent_partnerBodyDecided";
    public static final String END_PARTNER_REMINDED = "endEvent_partnerBodyReminded";

    /** Message an objection arrives with (REST), correlated on {@link #ENDORSEMENT_ID}. */
    public static final String MESSAGE_OBJECTION = "EndorsementObjection";

    // Inputs
    public static final String SUBJECT_TYPE = "endorsementSubjectType";
    public static final String SUBJECT_REFERENCE = "endorsementSubjectReference";
    public static final String BODY = "endorsementBody";
    public static final String MODE = "endorsementMode";
    // Set at start from the register
    public static final String SUBJECT_TITLE = "endorsementSubjectTitle";
    public static final String COMMITTEE_MEMBERS = "committeeMembersText";
    // Schedule (form)
    public static final String MEETING_NUMBER = "meetingNumber";
    public static final String MEETING_DATE = "meetingDate";
    public static final String DOCUMENT_NUMBER = "documentNumber";
    public static final String DOCUMENT_URL = "documentUrl";
    public static final String OBJECTION_DEADLINE = "objectionDeadline";
    // Computed when scheduled: the timers' dates
    public static final String ENDORSEMENT_ID = "endorsementId";
    public static final String MEETING_LABEL = "meetingLabel";
    public static final String MEETING_ORDINAL = "meetingOrdinal";
    public static final String DOCUMENTS_DUE_AT = "documentsDueAt";
    public static final String REMINDER_DUE_AT = "meetingReminderDueAt";
    public static final String MEETING_AT = "meetingStartsAt";
    public static final String DEADLINE_AT = "objectionDeadlinePassesAt";
    /** Set after a deferral or an objection: the next attempt must be a meeting. */
    public static final String MUST_MEET = "endorsementMustMeet";
    public static final String SCHEDULE_NOTE = "endorsementScheduleNote";
    // Decision (form or procedure)
    public static final String DECISION = "endorsementDecision";
    public static final String DECISION_DATE = "endorsementDecisionDate";
    public static final String DECISION_TEXT = "endorsementDecisionText";
    public static final String OBJECTOR = "objectorName";
    public static final String OBJECTION_REASON = "objectionReason";
    public static final String PARTNER_BODY_NAME = "partnerBodyName";

    private EndorsementProcess() {
    }
}
