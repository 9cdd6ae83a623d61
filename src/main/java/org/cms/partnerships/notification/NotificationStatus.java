package org.cms.partnerships.notification;

/** What became of one e-mail to one recipient. */
public enum NotificationStatus {
    /** Delivered to the SMTP server. */
    SENT,
    /** Rendered and kept, no mail server configured (the embedded demo). */
    RENDERED,
    /** Delivery failed; the job retries and only this recipient is tried again. */
    FAILED,
    /** No e-mail address, or one that is not valid: nothing can be sent. */
    INVALID_RECIPIENT;

    /** Done for good: a retry must not send it again. */
    boolean isSettled() {
        return this != FAILED;
    }
}
