package org.cms.partnerships.workplan;

import java.time.LocalDate;
import java.util.Date;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.variables.ProcessVariable;

/**
 * {@code joint-work-plan}: key, message, element ids, and the one descriptor of each process
 * variable. Business key: the plan's reference.
 */
public final class WorkPlanProcess {

    public static final String KEY = "joint-work-plan";
    public static final String MESSAGE_STOPPED = "WorkPlanStopped";

    // ------------------------------------------------------------------ element ids
    public static final String START = "startEvent_planProposed";
    public static final String TASK_DRAFT = "userTask_draftWorkPlan";
    public static final String CONSULTATION = "subProcess_consultation";
    public static final String SEND_TO_PARTNER = "serviceTask_sendDraftToPartner";
    public static final String TASK_PARTNER_COMMENTS = "userTask_recordPartnerComments";
    public static final String COMMENT_DEADLINE_PASSED = "boundaryEvent_commentDeadlinePassed";
    public static final String TASK_REVISE = "userTask_revisePlan";
    public static final String ENDORSEMENT = "subProcess_endorsement";
    public static final String CMS_ENDORSEMENT = "callActivity_cmsStandingCommittee";
    public static final String PARTNER_ENDORSEMENT = "callActivity_partnerBody";
    public static final String END_NOT_ADOPTED = "endEvent_planNotAdopted";
    public static final String TASK_CARRY_OVER = "userTask_decideCarryOver";
    public static final String CARRY_OVER = "serviceTask_carryOver";
    public static final String IMPLEMENTATION = "subProcess_implementation";
    public static final String TASK_PROGRESS = "userTask_recordProgress";
    public static final String EXTENSION_DUE = "boundaryEvent_extensionDecisionDue";
    public static final String MEETING_DUE = "boundaryEvent_coordinationMeetingDue";
    public static final String TASK_MEETING = "userTask_coordinationMeeting";
    public static final String SEND_PROGRESS_REPORT = "serviceTask_sendProgressReport";
    public static final String STOPPED = "boundaryEvent_planStopped";
    public static final String END_STOPPED = "endEvent_planStopped";
    public static final String TASK_EXTENSION = "userTask_decideExtension";
    public static final String EXTENSION_ENDORSEMENT = "callActivity_endorseExtension";
    public static final String PARTNER_EXTENSION_ENDORSEMENT = "callActivity_partnerBodyExtension";
    public static final String EXTEND = "serviceTask_extendPeriod";
    public static final String END_CLOSED = "endEvent_planClosed";

    // ------------------------------------------------------------------ decisions

    /** What each body decided, as the endorsement process returns it ({@code endorsementDecision}). */
    public enum BodyDecision { ENDORSED, NOT_ENDORSED }

    /** The officer's decision as the extension decision falls due. */
    public enum ExtensionDecision { EXTEND, CLOSE }

    // ------------------------------------------------------------------ variables: the plan (sealed at start)
    // Shared with other processes, declared once elsewhere: the agreement's reference
    // (AgreementVariables.REFERENCE) and the partner's acronym (NotificationVariables.PARTNER_ACRONYM).
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.text("workPlanReference").labelled("reference of the plan")
            .maxLength(60);
    public static final ProcessVariable<String> PARTNER_NAME = org.cms.partnerships.notification.NotificationVariables.PARTNER_NAME;
    public static final ProcessVariable<String> PLAN_TITLE = ProcessVariable.text("workPlanTitle").labelled("title")
            .maxLength(500);
    public static final ProcessVariable<Integer> FIRST_YEAR = ProcessVariable.integer("periodStartYear").labelled("first year of the period");
    public static final ProcessVariable<Integer> LAST_YEAR = ProcessVariable.integer("periodEndYear").labelled("last year of the period");
    public static final ProcessVariable<String> THEME_LINES = ProcessVariable.text("themes");
    public static final ProcessVariable<String> PREDECESSOR = ProcessVariable.text("predecessorReference").labelled("predecessor plan")
            .maxLength(60);
    public static final ProcessVariable<Boolean> HAS_PREDECESSOR = ProcessVariable.bool("hasPredecessor");

    // ------------------------------------------------------------------ drafting and consultation
    /** The plan's activities, one short line each, shown read-only in the forms. */
    public static final ProcessVariable<String> ACTIVITIES_TEXT = ProcessVariable.text("activitiesText");
    /** Activities typed in a form: {@code code | timeframe | description | yes | lead}, or {@code code | remove}. */
    public static final ProcessVariable<String> ACTIVITY_LINES = ProcessVariable.text("activitiesToAdd").labelled("activities to add or change");
    /** Activities pasted into the draft form as CSV, with the header line of the import API. */
    public static final ProcessVariable<String> ACTIVITIES_CSV = ProcessVariable.text("activitiesCsv").labelled("activities as CSV");
    public static final ProcessVariable<LocalDate> COMMENT_DEADLINE = ProcessVariable.date("commentDeadline").labelled("deadline for the partner's comments");
    public static final ProcessVariable<Date> COMMENT_DEADLINE_AT = ProcessVariable.instant("commentDeadlineAt");
    public static final ProcessVariable<String> PARTNER_COMMENTS = ProcessVariable.text("partnerComments").labelled("partner's comments");

    // ------------------------------------------------------------------ endorsement and carry-over
    public static final ProcessVariable<BodyDecision> CMS_DECISION = ProcessVariable.choice("cmsDecision", BodyDecision.class);
    public static final ProcessVariable<BodyDecision> PARTNER_BODY_DECISION = ProcessVariable.choice("partnerBodyDecision", BodyDecision.class);
    public static final ProcessVariable<Boolean> BOTH_ENDORSED = ProcessVariable.bool("bothEndorsed");
    public static final ProcessVariable<String> UNFINISHED_ACTIVITIES = ProcessVariable.text("unfinishedPredecessorActivities");
    /** Activities of the predecessor to drop rather than carry over: {@code code | reason}, one a line. */
    public static final ProcessVariable<String> DROP_LINES = ProcessVariable.text("activitiesToDrop").labelled("activities to drop");

    // ------------------------------------------------------------------ implementation
    public static final ProcessVariable<String> ACTIVITY_CODE = ProcessVariable.text("activityCode").labelled("activity");
    public static final ProcessVariable<ActivityStatus> ACTIVITY_STATUS = ProcessVariable.choice("activityStatus", ActivityStatus.class).labelled("activity status");
    public static final ProcessVariable<String> PROGRESS_TEXT = ProcessVariable.text("progressText").labelled("what was done");
    public static final ProcessVariable<LocalDate> PROGRESS_DATE = ProcessVariable.date("progressDate").labelled("date");
    public static final ProcessVariable<Boolean> FUNDING_SECURED = ProcessVariable.bool("fundingSecured");
    /** ISO 8601 repetition of the yearly coordination meeting for the rest of the period, e.g. {@code R2/P1Y}. */
    public static final ProcessVariable<String> MEETING_CYCLE = ProcessVariable.text("coordinationMeetingCycle");
    public static final ProcessVariable<Date> EXTENSION_DECISION_AT = ProcessVariable.instant("extensionDecisionAt");
    public static final ProcessVariable<String> MEETING_SUMMARY = ProcessVariable.text("meetingSummary").labelled("summary of the meeting");
    public static final ProcessVariable<String> PROGRESS_SUMMARY = ProcessVariable.text("progressSummary");

    // ------------------------------------------------------------------ extension, stop
    public static final ProcessVariable<ExtensionDecision> EXTENSION_DECISION = ProcessVariable.choice("extensionDecision", ExtensionDecision.class).labelled("decision");
    public static final ProcessVariable<Integer> NEW_END_YEAR = ProcessVariable.integer("newPeriodEndYear").labelled("new last year");
    public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.text("extensionReason").labelled("reason for the extension");
    public static final ProcessVariable<BodyDecision> EXTENSION_ENDORSEMENT_DECISION = ProcessVariable.choice("extensionEndorsement", BodyDecision.class);
    public static final ProcessVariable<BodyDecision> PARTNER_EXTENSION_DECISION = ProcessVariable.choice("partnerExtensionEndorsement", BodyDecision.class);
    public static final ProcessVariable<String> STOP_REASON = ProcessVariable.text("stopReason");

    // ------------------------------------------------------------------ for callers outside this package
    // Names kept for code that still builds start maps by hand (PostgresIntegrationTest,
    // AgreementsInForceProcessTest): derived from the descriptors; use the descriptors instead.
    /** @deprecated use {@link AgreementVariables#REFERENCE} */ @Deprecated public static final String AGREEMENT_REFERENCE = AgreementVariables.REFERENCE.name();
    /** @deprecated use {@link #FIRST_YEAR} */ @Deprecated public static final String PERIOD_START = FIRST_YEAR.name();
    /** @deprecated use {@link #THEME_LINES} */ @Deprecated public static final String THEMES = THEME_LINES.name();
    /** @deprecated use {@link #COMMENT_DEADLINE} */ @Deprecated public static final String COMMENT_DEADLINE_DATE = COMMENT_DEADLINE.name();

    private WorkPlanProcess() {
    }
}
