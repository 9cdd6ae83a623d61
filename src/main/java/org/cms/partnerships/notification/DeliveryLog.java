package org.cms.partnerships.notification;

import java.util.Optional;

/**
 * What {@link NotificationService} needs of the notification log: the status a message key reached
 * in an earlier attempt, and recording an attempt's outcome so that it survives the job's rollback.
 * {@link NotificationLog} is the database one; the unit test keeps it in a map.
 */
interface DeliveryLog {

    Optional<NotificationStatus> statusOf(String messageKey);

    void record(NotificationLog.Entry entry, NotificationStatus status, String error);
}
