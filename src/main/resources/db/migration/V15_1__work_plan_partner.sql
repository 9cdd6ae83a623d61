-- A partner's register page lists the partner's joint work plans (WorkPlanService.plansOfPartner):
-- without an index every page view reads the whole work_plan table.
CREATE INDEX ix_work_plan_partner ON work_plan (partner_id);
