package org.cms.partnerships.agreement.renewal;

import java.time.LocalDate;
import java.util.Date;
import org.cms.partnerships.engine.variables.ProcessVariable;

/**
 * {@code agreement-renewal}: one short-lived instance per agreement and end date, business key
 * {@code {reference}/renewal/{end date}}, started by the morning sweep when the first alert is due;
 * one renewal of an agreement at a time ({@code exclusiveKey}). Started through
 * {@link org.cms.partnerships.agreement.review.FollowUps}.
 */
public final class RenewalProcess {

    public static final String KEY = "agreement-renewal";

    public static final String ALERT_FIRST = "serviceTask_alertOfficersOfExpiry";
    public static final String TASK_DECIDE = "userTask_decideRenewal";
    public static final String SECOND_ALERT_DUE = "boundaryEvent_secondAlertDue";
    public static final String THIRD_ALERT_DUE = "boundaryEvent_thirdAlertDue";
    public static final String ALERT_AGAIN = "serviceTask_alertOfficersAgain";
    public static final String END_DATE_REACHED = "boundaryEvent_endDateReached";
    public static final String START_RENEWAL = "serviceTask_startRenewalProposal";
    public static final String START_EXTENSION = "serviceTask_startExtensionAmendment";
    public static final String UNTIL_END_DATE = "timerEvent_untilEndDate";
    public static final String EXPIRED = "throwEvent_agreementExpired";
    public static final String TELL_MANAGERS = "serviceTask_tellManagersOfExpiry";
    public static final String END_EXPIRED = "endEvent_agreementExpired";
    public static final String END_RENEWAL_PROPOSED = "endEvent_renewalProposed";
    public static final String END_EXTENSION_PROPOSED = "endEvent_extensionProposed";

    public enum Decision { RENEW, EXTEND, LAPSE }

    public static final ProcessVariable<LocalDate> EXPIRES_ON = org.cms.partnerships.agreement.AgreementProcess.EXPIRES_ON;
    public static final ProcessVariable<Date> SECOND_ALERT_AT = ProcessVariable.instant("secondAlertAt");
    public static final ProcessVariable<Date> THIRD_ALERT_AT = ProcessVariable.instant("thirdAlertAt");
    public static final ProcessVariable<Date> END_DATE_AT = ProcessVariable.instant("endDateAt");
    public static final ProcessVariable<Decision> DECISION = ProcessVariable.choice("renewalDecision", Decision.class)
            .labelled("decision");
    public static final ProcessVariable<String> REASON = ProcessVariable.text("renewalReason").labelled("reason");
    /** The reference of what the decision started: the renewed agreement, or the extension amendment. */
    public static final ProcessVariable<String> FOLLOW_UP_REFERENCE = ProcessVariable.text("followUpReference");

    private RenewalProcess() {
    }

    public static String businessKey(String agreementReference, LocalDate expiresOn) {
        return agreementReference + "/renewal/" + expiresOn;
    }
}
