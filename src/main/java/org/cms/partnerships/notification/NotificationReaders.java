package org.cms.partnerships.notification;

import org.cms.partnerships.security.RegisterReadAccess;
import org.springframework.stereotype.Component;

/**
 * Which lines of the notification log the user of the request reads, as a {@link NotificationLog.Reader}:
 * {@link RegisterReadAccess#notifications()} is the rule; it gives a user who does not read the whole log
 * only e-mails addressed to them, so their reads are narrowed in SQL to their address and the rule then
 * decides line by line. Those who read the whole log are paged and counted in SQL.
 */
@Component
public class NotificationReaders {

    private final RegisterReadAccess access;

    public NotificationReaders(RegisterReadAccess access) {
        this.access = access;
    }

    public NotificationLog.Reader current() {
        RegisterReadAccess.Scope scope = access.current();
        return scope.wholeLog() ? NotificationLog.Reader.WHOLE_LOG
                : NotificationLog.Reader.addressedTo(scope.email(), access.notifications());
    }
}
