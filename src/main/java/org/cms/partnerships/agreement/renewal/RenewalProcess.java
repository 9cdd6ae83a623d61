package org.cms.partnerships.agreement.renewal;

/**
 * {@code agreement-renewal}: one short-lived instance per agreement and end date, business key
 * {@code {reference}/renewal/{end date}}, started by the morning sweep when the first alert is due.
 */
public final class RenewalProcess {

    public static final String KEY = "agreement-renewal";

    public static final String ALERT_FIRST = "serviceTask_alertOfficersOfExpiry";
    public static final String TASK_DECIDE = "userTask_decideRenewal";
    public static final String SECOND_ALERT_DUE = "boundaryEvent_secondAlertDue";
    public static final String THIRD_ALERT_DUE = "boundaryEvent_thirdAlertDue";
    public static final String ALERT_AGAIN = "serviceTask_alertOfficersAgain";
    public static final String END_DATE_REACHED = "boundaryEvent_endDateReached";
    public static final String RECORD_DECISION = "serviceTask_recordRenewalDecision";
    public static final String START_RENEWAL = "serviceTask_startRenewalProposal";
    public static final String START_EXTENSION = "serviceTask_startExtensionAmendment";
    public static final String UNTIL_END_DATE = "timerEvent_untilEndDate";
    public static final String MARK_EXPIRED = "serviceTask_markExpired";
    public static final String TELL_MANAGERS = "serviceTask_tellManagersOfExpiry";
    public static final String END_EXPIRED = "endEvent_agreementExpired";
    public static final String END_RENEWAL_PROPOSED = "endEvent_renewalProposed";
    public static final String END_EXTENSION_PROPOSED = "endEvent_extensionProposed";

    public static final String EXPIRES_ON = "expiresOn";
    public static final String SECOND_ALERT_AT = "secondAlertAt";
    public static final String THIRD_ALERT_AT = "thirdAlertAt";
    public static final String END_DATE_AT = "endDateAt";
    public static final String DECISION = "renewalDecision"; // RENEW, EXTEND, LAPSE
    public static final String REASON = "renewalReason";
    public static final String NEW_EXPIRES_ON = "newExpiresOn";
    public static final String FOLLOW_UP_REFERENCE = "followUpReference";

    public enum Decision { RENEW, EXTEND, LAPSE }

    private RenewalProcess() {
    }

    public static String businessKey(String agreementReference, java.time.LocalDate expiresOn) {
        return agreementReference + "/renewal/" + expiresOn;
    }
}
