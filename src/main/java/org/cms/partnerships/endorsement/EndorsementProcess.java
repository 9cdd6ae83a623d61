package org.cms.partnerships.endorsement;

import java.util.Date;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.notification.NotificationVariables;

/**
 * The reusable sub-process {@code standing-committee-endorsement}: key, element ids and the one
 * descriptor of each of its variables, shared by the calling processes, the listeners and the tests.
 *
 * <p>Contract (call activity mappings). In: {@link #SUBJECT_TYPE}, {@link #SUBJECT_REFERENCE},
 * {@link #BODY} and optionally {@link #MODE}. Out: {@link #ENDORSEMENT_DECISION} (ENDORSED,
 * ENDORSED_WITH_AMENDMENTS, NOT_ENDORSED), {@link #ENDORSEMENT_DECISION_DATE},
 * {@link #ENDORSEMENT_DECISION_TEXT}, {@link #ENDORSEMENT_ID} and {@link #DOCUMENT_NUMBER}. A deferral
 * never leaves the sub-process: it loops to the next meeting.
 *
 * <p>Decision values are the register's enums ({@link Decision}, {@link Mode}, {@link Body},
 * {@link SubjectType}); BPMN conditions and form options use their constant names.
 */
public final class EndorsementProcess {

    public static final String KEY = "standing-committee-endorsement";

    // ------------------------------------------------------------------ element ids
    public static final String START = "startEvent_endorsementRequested";
    public static final String GATEWAY_WHICH_BODY = "gateway_whichBody";
    public static final String TASK_SCHEDULE = "userTask_scheduleEndorsement";
    public static final String GATEWAY_MODE = "gateway_mode";
    public static final String TIMER_DOCUMENTS_DUE = "timerEvent_documentsDue";
    public static final String SEND_DOCUMENTS = "serviceTask_sendMeetingDocuments";
    public static final String TIMER_REMINDER_DUE = "timerEvent_meetingReminderDue";
    public static final String SEND_REMINDER = "serviceTask_sendMeetingReminder";
    public static final String TIMER_MEETING_DAY = "timerEvent_meetingDay";
    public static final String TASK_RECORD_MEETING_DECISION = "userTask_recordMeetingDecision";
    public static final String GATEWAY_DEFERRED = "gateway_meetingDecision";
    public static final String SEND_WRITTEN_PROCEDURE = "serviceTask_sendWrittenProcedure";
    public static final String TASK_RECORD_OBJECTION = "userTask_recordObjection";
    public static final String OBJECTION_RECEIVED = "boundaryEvent_objectionReceived";
    public static final String DEADLINE_PASSED = "boundaryEvent_objectionDeadlinePassed";
    public static final String CLOSE_WITHOUT_OBJECTION = "serviceTask_closeWithoutObjection";
    public static final String TASK_RECORD_PARTNER_BODY_DECISION = "userTask_recordPartnerBodyDecision";
    public static final String PARTNER_REMINDER_DUE = "boundaryEvent_partnerBodyReminderDue";
    public static final String REMIND_PARTNER_BODY = "serviceTask_remindPartnerBody";
    public static final String END_PARTNER_REMINDED = "endEvent_partnerBodyReminded";
    public static final String NOTIFY_DECISION = "serviceTask_notifyDecision";
    public static final String END_DECIDED = "endEvent_endorsementDecided";
    public static final String END_PARTNER_BODY_DECIDED = "endEvent_partnerBodyDecided";

    /** Message an objection arrives with (REST), correlated on {@link #ENDORSEMENT_ID}. */
    public static final String MESSAGE_OBJECTION = "EndorsementObjection";

    // ------------------------------------------------------------------ inputs (sealed at start)
    public static final ProcessVariable<SubjectType> SUBJECT_TYPE =
            ProcessVariable.choice("endorsementSubjectType", SubjectType.class).labelled("subject type");
    public static final ProcessVariable<String> SUBJECT_REFERENCE =
            ProcessVariable.text("endorsementSubjectReference").labelled("reference of what is to be endorsed");
    public static final ProcessVariable<Body> BODY = ProcessVariable.choice("endorsementBody", Body.class).labelled("body");
    /** Optional input, and the schedule form's choice. */
    public static final ProcessVariable<Mode> MODE =
            ProcessVariable.choice("endorsementMode", Mode.class).labelled("mode (meeting or written procedure)");

    // ------------------------------------------------------------------ copied at start from the register
    public static final ProcessVariable<String> SUBJECT_TITLE = ProcessVariable.text("endorsementSubjectTitle");
    /** The one descriptor is the notification steps' (they write to this partner's focal points). */
    public static final ProcessVariable<String> PARTNER_ACRONYM = NotificationVariables.PARTNER_ACRONYM;
    public static final ProcessVariable<String> PARTNER_NAME = NotificationVariables.PARTNER_NAME;
    public static final ProcessVariable<String> COMMITTEE_MEMBERS = ProcessVariable.text("committeeMembersText");
    public static final ProcessVariable<String> PARTNER_REMINDER_CYCLE = ProcessVariable.text("partnerReminderCycle");

    // ------------------------------------------------------------------ schedule form
    /** The select's options (task-local, set on creating the task): the register's meetings to come, then "not yet in the register". */
    public static final ProcessVariable<java.util.Map<String, String>> COMMITTEE_MEETING_OPTIONS =
            ProcessVariable.selectOptions("committeeMeetingOptions");
    /** The officer's choice: a meeting number of the register's, or {@link #NEW_MEETING}. */
    public static final ProcessVariable<String> COMMITTEE_MEETING =
            ProcessVariable.text("committeeMeeting").labelled("Standing Committee meeting").maxLength(20);
    /** The choice of a meeting not yet in the register, recorded there with the three fields below. */
    public static final String NEW_MEETING = "NEW";
    public static final ProcessVariable<Integer> NEW_MEETING_NUMBER =
            ProcessVariable.integer("newMeetingNumber").labelled("number of the meeting not yet in the register");
    public static final ProcessVariable<java.time.LocalDate> NEW_MEETING_DATE =
            ProcessVariable.date("newMeetingDate").labelled("date of the meeting not yet in the register");
    public static final ProcessVariable<String> NEW_MEETING_VENUE =
            ProcessVariable.text("newMeetingVenue").labelled("place of the meeting not yet in the register").maxLength(200);
    /** Set when scheduled, from the register's meeting (templates, the meeting-day timer). */
    public static final ProcessVariable<Integer> MEETING_NUMBER =
            ProcessVariable.integer("meetingNumber").labelled("meeting number");
    public static final ProcessVariable<java.time.LocalDate> MEETING_DATE =
            ProcessVariable.date("meetingDate").labelled("meeting date");
    /** Also an output: the document the decision was taken on. */
    public static final ProcessVariable<String> DOCUMENT_NUMBER =
            ProcessVariable.text("documentNumber").labelled("document number")
            .maxLength(60);
    public static final ProcessVariable<String> DOCUMENT_URL = ProcessVariable.text("documentUrl").labelled("link to the document")
            .maxLength(500);
    public static final ProcessVariable<java.time.LocalDate> OBJECTION_DEADLINE =
            ProcessVariable.date("objectionDeadline").labelled("objection deadline");

    // ------------------------------------------------------------------ set when scheduled
    /** Output: the register's endorsement (a Long), also the key objections are correlated on. */
    public static final ProcessVariable<Long> ENDORSEMENT_ID = ProcessVariable.<Long>object("endorsementId", Long.class);
    public static final ProcessVariable<String> MEETING_LABEL = ProcessVariable.text("meetingLabel");
    public static final ProcessVariable<String> MEETING_ORDINAL = ProcessVariable.text("meetingOrdinal");
    public static final ProcessVariable<Date> DOCUMENTS_DUE_AT = ProcessVariable.instant("documentsDueAt");
    public static final ProcessVariable<Date> REMINDER_DUE_AT = ProcessVariable.instant("meetingReminderDueAt");
    public static final ProcessVariable<Date> MEETING_AT = ProcessVariable.instant("meetingStartsAt");
    public static final ProcessVariable<Date> DEADLINE_AT = ProcessVariable.instant("objectionDeadlinePassesAt");
    /** Set after a deferral or an objection: the next attempt must be a meeting. */
    public static final ProcessVariable<Boolean> MUST_MEET = ProcessVariable.bool("endorsementMustMeet");
    /** Why the schedule task comes back, shown on its form. */
    public static final ProcessVariable<String> SCHEDULE_NOTE = ProcessVariable.text("endorsementScheduleNote");

    // ------------------------------------------------------------------ decision (forms; outputs)
    public static final ProcessVariable<Decision> ENDORSEMENT_DECISION =
            ProcessVariable.choice("endorsementDecision", Decision.class).labelled("decision");
    public static final ProcessVariable<java.time.LocalDate> ENDORSEMENT_DECISION_DATE =
            ProcessVariable.date("endorsementDecisionDate").labelled("decision date");
    public static final ProcessVariable<String> ENDORSEMENT_DECISION_TEXT =
            ProcessVariable.text("endorsementDecisionText").labelled("decision text");
    public static final ProcessVariable<String> OBJECTOR =
            ProcessVariable.text("objectorName").labelled("name of the objecting member")
            .maxLength(200);
    public static final ProcessVariable<String> OBJECTION_REASON =
            ProcessVariable.text("objectionReason").labelled("reason of the objection");


    private EndorsementProcess() {
    }
}
