package org.cms.partnerships.notification;

import java.time.Instant;
import org.cms.partnerships.register.Language;

/** One line of the notification log: one message to one recipient. */
public record Notification(long id, String template, String subjectReference, String recipientName,
                           String recipientEmail, Language language, String subject, String body,
                           NotificationStatus status, int attempts, String error, String processInstanceId,
                           Instant createdAt, Instant sentAt) {
}
