package org.cms.partnerships.workplan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * When implementation's dates fall, computed as the period starts or is extended: a coordination
 * meeting each year left in the period, and the officer's extension-or-closure decision
 * {@code cms.work-plan.extension-decision-days} (90) before the period ends.
 */
@Service
public class WorkPlanSchedule {

    /** The two dates of one implementation period. */
    public record Dates(String meetingCycle, Date extensionDecisionAt) {
    }

    private final WorkPlanService workPlans;
    private final int extensionDecisionDays;

    WorkPlanSchedule(WorkPlanService workPlans, @Value("${cms.work-plan.extension-decision-days:90}") int extensionDecisionDays) {
        this.workPlans = workPlans;
        this.extensionDecisionDays = extensionDecisionDays;
    }

    public Dates of(String planReference) {
        WorkPlan plan = workPlans.get(planReference);
        LocalDate today = RegisterClock.today();
        return new Dates(meetingCycle(plan, today),
                RegisterClock.at(extensionDecisionDay(plan, today, extensionDecisionDays), LocalTime.of(9, 0)));
    }

    /** One meeting a year for the years left in the period, at least one: {@code R2/P1Y}. */
    static String meetingCycle(WorkPlan plan, LocalDate today) {
        int meetings = Math.max(1, plan.periodEndYear() - Math.max(plan.periodStartYear(), today.getYear()));
        return "R" + meetings + "/P1Y";
    }

    /**
     * {@code days} before the end of the period. A plan endorsed after its period (like a plan recorded
     * late) still gets a year of implementation and one coordination meeting before the officer must
     * extend or close it.
     */
    static LocalDate extensionDecisionDay(WorkPlan plan, LocalDate today, int days) {
        LocalDate decision = LocalDate.of(plan.periodEndYear(), 12, 31).minusDays(days);
        LocalDate earliest = today.plusYears(1).plusDays(1);
        return decision.isBefore(earliest) && plan.periodEndYear() < today.getYear() ? earliest : decision;
    }
}
