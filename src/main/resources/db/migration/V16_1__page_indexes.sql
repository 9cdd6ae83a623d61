-- Issue 13, the register pages at scale (PostgresScaleBenchmark's plans):
--  * the notification log's status filter (/register/notifications?status=FAILED) pages newest first: with
--    (status, id) PostgreSQL reads only that status's newest rows; without, it reads the log backwards
--    past every other status (a failed e-mail among 50,000 rendered ones: the whole table);
--  * an agreement's joint work plans (the agreement page) are found by agreement_id, and the plans out for
--    the partner's comments (coming due) by status: without these, each read scans every plan.
CREATE INDEX ix_notification_status ON notification_log (status, id);
CREATE INDEX ix_work_plan_agreement ON work_plan (agreement_id);
CREATE INDEX ix_work_plan_status ON work_plan (status);
