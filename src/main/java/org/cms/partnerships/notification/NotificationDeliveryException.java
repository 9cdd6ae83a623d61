package org.cms.partnerships.notification;

/**
 * Some e-mails could not be delivered (mail server down). A technical failure: the job that sent
 * them fails, retries on its schedule and, when retries run out, raises an incident in Cockpit.
 */
public class NotificationDeliveryException extends RuntimeException {

    public NotificationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
