package org.cms.partnerships.agreement.review;

/**
 * {@code agreement-annual-review}: one short-lived instance per agreement and review date, business
 * key {@code {reference}/review/{date}}. Key, ids and variables for delegates and tests.
 */
public final class AnnualReviewProcess {

    public static final String KEY = "agreement-annual-review";
    public static final String SWEEP_KEY = "agreement-follow-up-sweep";

    public static final String START = "startEvent_reviewDue";
    public static final String TASK_REVIEW = "userTask_reviewAgreement";
    public static final String REVIEW_OVERDUE = "boundaryEvent_reviewOverdue";
    public static final String ESCALATE = "serviceTask_escalateOverdueReview";
    public static final String END_ESCALATED = "endEvent_managersAlerted";
    public static final String RECORD_REVIEW = "serviceTask_recordReview";
    public static final String NOTIFY_PARTNER = "serviceTask_tellPartnerOfReview";
    public static final String END_REVIEWED = "endEvent_agreementReviewed";
    public static final String SWEEP_TIMER = "startEvent_everyMorning";
    public static final String SWEEP_START_DUE = "serviceTask_startDueFollowUps";
    public static final String SWEEP_END = "endEvent_followUpsStarted";

    public static final String REVIEW_DUE_ON = "reviewDueOn";
    public static final String REVIEW_OVERDUE_AT = "reviewOverdueAt";
    public static final String WORK_PLANS_TEXT = "workPlansText";
    public static final String ACTIVITIES = "reviewActivities";
    public static final String CONTACTS_CURRENT = "contactsCurrent";
    public static final String ASSESSMENT = "reviewAssessment";
    public static final String NEXT_REVIEW_ON = "nextReviewOn";
    public static final String NOTES = "reviewNotes";

    /** What the officer concludes (DOMAIN.md step 10; dormant as seed 000 §114 describes). */
    public enum Assessment { ACTIVE, DORMANT, TO_BE_RENEWED, TO_BE_TERMINATED }

    private AnnualReviewProcess() {
    }

    public static String businessKey(String agreementReference, java.time.LocalDate dueOn) {
        return agreementReference + "/review/" + dueOn;
    }
}
