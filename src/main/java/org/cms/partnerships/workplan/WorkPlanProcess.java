package org.cms.partnerships.workplan;

/**
 * {@code joint-work-plan}: key, element ids, messages and variables for delegates and tests.
 * Business key: the plan's reference.
 */
public final class WorkPlanProcess {

    public static final String KEY = "joint-work-plan";
    public static final String MESSAGE_STOPPED = "WorkPlanStopped";

    public static final String TASK_DRAFT = "userTask_draftWorkPlan";
    public static final String SEND_TO_PARTNER = "serviceTask_sendPlanToPartner";
    public static final String TASK_PARTNER_COMMENTS = "userTask_recordPartnerComments";
    public static final String COMMENT_DEADLINE = "boundaryEvent_commentDeadlinePassed";
    public static final String TASK_REVISE = "userTask_revisePlan";
    public static final String CMS_ENDORSEMENT = "callActivity_cmsStandingCommittee";
    public static final String PARTNER_ENDORSEMENT = "callActivity_partnerBody";
    public static final String NOT_ADOPTED = "serviceTask_markNotAdopted";
    public static final String END_NOT_ADOPTED = "endEvent_planNotAdopted";
    public static final String TASK_CARRY_OVER = "userTask_decideCarryOver";
    public static final String START_IMPLEMENTATION = "serviceTask_startImplementation";
    public static final String IMPLEMENTATION = "subProcess_implementation";
    public static final String TASK_PROGRESS = "userTask_recordProgress";
    public static final String MEETING_DUE = "boundaryEvent_coordinationMeetingDue";
    public static final String TASK_MEETING = "userTask_coordinationMeeting";
    public static final String SEND_PROGRESS_REPORT = "serviceTask_sendProgressReport";
    public static final String EXTENSION_DUE = "boundaryEvent_extensionDecisionDue";
    public static final String TASK_EXTENSION = "userTask_decideExtension";
    public static final String EXTENSION_ENDORSEMENT = "callActivity_endorseExtension";
    public static final String PARTNER_EXTENSION_ENDORSEMENT = "callActivity_partnerBodyExtension";
    public static final String EXTEND = "serviceTask_extendPeriod";
    public static final String STOPPED = "boundaryEvent_planStopped";
    public static final String MARK_STOPPED = "serviceTask_markStopped";
    public static final String CLOSE = "serviceTask_closePlan";
    public static final String END_CLOSED = "endEvent_planClosed";

    public static final String WORK_PLAN_REFERENCE = "workPlanReference";
    public static final String AGREEMENT_REFERENCE = "agreementReference";
    public static final String TITLE = "workPlanTitle";
    public static final String PERIOD_START = "periodStartYear";
    public static final String PERIOD_END = "periodEndYear";
    public static final String THEMES = "themes";
    public static final String PREDECESSOR = "predecessorReference";
    public static final String HAS_PREDECESSOR = "hasPredecessor";
    public static final String ACTIVITIES_TEXT = "activitiesText";
    public static final String ACTIVITIES_TO_ADD = "activitiesToAdd";
    public static final String COMMENT_DEADLINE_DATE = "commentDeadline";
    public static final String COMMENT_DEADLINE_AT = "commentDeadlineAt";
    public static final String PARTNER_COMMENTS = "partnerComments";
    public static final String CMS_DECISION = "cmsDecision";
    public static final String PARTNER_BODY_DECISION = "partnerBodyDecision";
    public static final String UNFINISHED_TEXT = "unfinishedPredecessorActivities";
    public static final String DROPS = "activitiesToDrop";
    public static final String ACTIVITY_CODE = "activityCode";
    public static final String ACTIVITY_STATUS = "activityStatus";
    public static final String LOG_TEXT = "progressText";
    public static final String LOG_DATE = "progressDate";
    public static final String FUNDING_SECURED = "fundingSecured";
    public static final String MEETING_CYCLE = "coordinationMeetingCycle";
    public static final String MEETING_SUMMARY = "meetingSummary";
    public static final String PROGRESS_SUMMARY = "progressSummary";
    public static final String EXTENSION_DECISION_AT = "extensionDecisionAt";
    public static final String EXTENSION_DECISION = "extensionDecision"; // EXTEND or CLOSE
    public static final String NEW_END_YEAR = "newPeriodEndYear";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String STOP_REASON = "stopReason";

    private WorkPlanProcess() {
    }
}
