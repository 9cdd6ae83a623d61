package org.cms.partnerships.agreement.review;

import java.time.LocalDate;
import java.util.Date;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.AgreementStatus;

/**
 * {@code agreement-annual-review}: one short-lived instance per agreement and review date, business
 * key {@code {reference}/review/{date}}, one review of an agreement at a time ({@code exclusiveKey});
 * and the morning sweep {@code agreement-follow-up-sweep} that starts them. Key, ids and variables.
 */
public final class AnnualReviewProcess {

    public static final String KEY = "agreement-annual-review";
    public static final String SWEEP_KEY = "agreement-follow-up-sweep";

    public static final String START = "startEvent_reviewDue";
    public static final String TASK_REVIEW = "userTask_reviewAgreement";
    public static final String REVIEW_OVERDUE = "boundaryEvent_reviewOverdue";
    public static final String ESCALATE = "serviceTask_escalateOverdueReview";
    public static final String END_ESCALATED = "endEvent_managersAlerted";
    public static final String STATUS_AFTER = "gateway_statusAfterReview";
    public static final String BECAME_DORMANT = "throwEvent_agreementDormant";
    public static final String BACK_IN_FORCE = "throwEvent_agreementBackInForce";
    public static final String NOTIFY_PARTNER = "serviceTask_tellPartnerOfReview";
    public static final String END_REVIEWED = "endEvent_agreementReviewed";
    public static final String SWEEP_TIMER = "startEvent_everyMorning";
    public static final String SWEEP_START_DUE = "serviceTask_startDueFollowUps";
    public static final String SWEEP_MORE_DUE = "gateway_followUpsLeft";
    public static final String SWEEP_END = "endEvent_followUpsStarted";

    /** What the officer concludes (DOMAIN.md step 10; dormant as seed 000 §114 describes). */
    public enum Assessment { ACTIVE, DORMANT, TO_BE_RENEWED, TO_BE_TERMINATED }

    /** What the review does to the agreement's status. */
    public enum StatusAfterReview {
        UNCHANGED, DORMANT, BACK_IN_FORCE;

        /** No joint activity makes an agreement in force DORMANT; activity again puts a dormant one back in force. */
        public static StatusAfterReview of(Assessment assessment, AgreementStatus current) {
            if (assessment == Assessment.DORMANT && current == AgreementStatus.IN_FORCE) {
                return DORMANT;
            }
            if (assessment != Assessment.DORMANT && current == AgreementStatus.DORMANT) {
                return BACK_IN_FORCE;
            }
            return UNCHANGED;
        }
    }

    public static final ProcessVariable<LocalDate> REVIEW_DUE_ON = ProcessVariable.date("reviewDueOn").labelled("review date");
    public static final ProcessVariable<Date> REVIEW_OVERDUE_AT = ProcessVariable.instant("reviewOverdueAt");
    /** The agreement's status when the review started, shown on the form. */
    public static final ProcessVariable<String> STATUS_AT_START = ProcessVariable.text("statusAtReview");
    public static final ProcessVariable<String> WORK_PLANS_TEXT = ProcessVariable.text("workPlansText");
    public static final ProcessVariable<String> ACTIVITIES = ProcessVariable.text("reviewActivities")
            .labelled("activities of the past year");
    public static final ProcessVariable<Boolean> CONTACTS_CURRENT = ProcessVariable.bool("contactsCurrent");
    public static final ProcessVariable<Assessment> ASSESSMENT = ProcessVariable.choice("reviewAssessment", Assessment.class)
            .labelled("assessment");
    public static final ProcessVariable<LocalDate> NEXT_REVIEW_ON = ProcessVariable.date("nextReviewOn")
            .labelled("next review date");
    public static final ProcessVariable<String> NOTES = ProcessVariable.text("reviewNotes").labelled("notes");
    public static final ProcessVariable<StatusAfterReview> STATUS_AFTER_REVIEW =
            ProcessVariable.choice("statusAfterReview", StatusAfterReview.class);
    /** Counts the morning sweep keeps, for Cockpit. */
    public static final ProcessVariable<Integer> REVIEWS_STARTED = ProcessVariable.integer("dueReviewsStarted");
    public static final ProcessVariable<Integer> RENEWALS_STARTED = ProcessVariable.integer("dueRenewalsStarted");
    /** The sweep's day, fixed by its first share (a sweep that runs past midnight still sweeps its own morning). */
    public static final ProcessVariable<LocalDate> SWEEP_DAY = ProcessVariable.date("followUpsDueOn");
    /** The last agreement reference the sweep's shares have come to; the next share goes on after it. */
    public static final ProcessVariable<String> SWEPT_UP_TO = ProcessVariable.text("dueReviewsSweptUpTo");
    /** Whether a further share of the sweep is due (its own job). */
    public static final ProcessVariable<Boolean> FOLLOW_UPS_LEFT = ProcessVariable.bool("dueFollowUpsLeft");

    private AnnualReviewProcess() {
    }

    public static String businessKey(String agreementReference, LocalDate dueOn) {
        return agreementReference + "/review/" + dueOn;
    }
}
