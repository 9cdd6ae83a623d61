-- Issue 13, the COP report facts as at a date (FactsService): each row of a status history records when
-- the next change of the same record (in the order changed_at, id) superseded it; NULL on the latest.
-- "The status as at D" is then a predicate on the row itself (changed_at before D, superseded_at NULL or
-- not before D) instead of ranking every change up to D with a window function (a sort of the whole
-- history at every read). AgreementService.insertHistory and WorkPlanService.insertHistory /
-- insertActivityHistory keep it in the transaction that records the change; here it is filled from the
-- history kept so far: the next change is the one with the smallest changed_at after this one.
ALTER TABLE agreement_status_change ADD COLUMN superseded_at TIMESTAMP;
UPDATE agreement_status_change h SET superseded_at = (
    SELECT MIN(n.changed_at) FROM agreement_status_change n
    WHERE n.agreement_id = h.agreement_id AND (n.changed_at > h.changed_at OR (n.changed_at = h.changed_at AND n.id > h.id)));

ALTER TABLE work_plan_status_change ADD COLUMN superseded_at TIMESTAMP;
UPDATE work_plan_status_change h SET superseded_at = (
    SELECT MIN(n.changed_at) FROM work_plan_status_change n
    WHERE n.work_plan_id = h.work_plan_id AND (n.changed_at > h.changed_at OR (n.changed_at = h.changed_at AND n.id > h.id)));

ALTER TABLE activity_status_change ADD COLUMN superseded_at TIMESTAMP;
UPDATE activity_status_change h SET superseded_at = (
    SELECT MIN(n.changed_at) FROM activity_status_change n
    WHERE n.activity_id = h.activity_id AND (n.changed_at > h.changed_at OR (n.changed_at = h.changed_at AND n.id > h.id)));
