package org.cms.partnerships.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link NotificationService} needs of the notification log: the status a message key reached
 * in an earlier attempt, and recording an attempt's outcome so that it survives the job's rollback.
 * {@link NotificationLog} is the database one; the unit test keeps it in a map.
 */
interface DeliveryLog {

    Optional<NotificationStatus> statusOf(String messageKey);

    /** The statuses of several message keys (those never attempted are absent); the database log reads them at once. */
    default Map<String, NotificationStatus> statusesOf(Collection<String> messageKeys) {
        Map<String, NotificationStatus> statuses = new LinkedHashMap<>();
        messageKeys.forEach(key -> statusOf(key).ifPresent(status -> statuses.put(key, status)));
        return statuses;
    }

    void record(NotificationLog.Entry entry, NotificationStatus status, String error);
}
