-- Issue 13: a user who does not read the whole notification log (a Family secretariat, the Executive
-- Secretary) reads the e-mails addressed to them, in any letter case (NotificationLog.page narrows by
-- LOWER(recipient_email)). An expression index is PostgreSQL's; on H2 that read scans the log.
CREATE INDEX ix_notification_recipient ON notification_log (LOWER(recipient_email));
