package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code joint-work-plan}, each a thin delegate over {@link WorkPlanService}: drafting,
 * partner comments, endorsements, carry-over and start of implementation, progress, coordination
 * meetings, extension, stop and closure.
 */
@Configuration
class WorkPlanSteps {

    private final WorkPlanService workPlans;
    private final ActivityImport activityImport;
    private final IdentityService identity;
    private final int extensionDecisionDays;

    WorkPlanSteps(WorkPlanService workPlans, ActivityImport activityImport, IdentityService identity,
                  @Value("${cms.work-plan.extension-decision-days:90}") int extensionDecisionDays) {
        this.workPlans = workPlans;
        this.activityImport = activityImport;
        this.identity = identity;
        this.extensionDecisionDays = extensionDecisionDays;
    }

    @Bean("recordWorkPlanDraft")
    JavaDelegate recordWorkPlanDraft() {
        return execution -> {
            String plan = plan(execution);
            activityImport.importTyped(plan, (String) execution.getVariable(ACTIVITIES_TO_ADD));
            List<String> problems = new ArrayList<>();
            if (workPlans.activities(plan).isEmpty()) {
                problems.add("The plan has no activity yet: add them here or import them (POST /api/work-plans/%s/activities)".formatted(plan));
            }
            LocalDate deadline = FormValues.date(execution.getVariable(COMMENT_DEADLINE_DATE), "deadline for the partner's comments", problems);
            if (deadline != null && !deadline.isAfter(RegisterClock.today())) {
                problems.add("The deadline for comments %s is not in the future".formatted(deadline));
            }
            InvalidInputException.throwIfAny(problems);
            workPlans.setStatus(plan, WorkPlanStatus.IN_CONSULTATION);
            execution.setVariable(COMMENT_DEADLINE_DATE, deadline.toString());
            execution.setVariable(COMMENT_DEADLINE_AT, RegisterClock.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
            refresh(execution, plan);
        };
    }

    @Bean("recordWorkPlanComments")
    JavaDelegate recordWorkPlanComments() {
        return execution -> {
            List<String> problems = new ArrayList<>();
            String comments = FormValues.requiredText(execution.getVariable(PARTNER_COMMENTS), "partner's comments", 3, problems);
            InvalidInputException.throwIfAny(problems);
            workPlans.addComment(plan(execution), "CONSULTATION", (String) execution.getVariable("partnerAcronym"),
                    Actor.current(identity), comments);
            execution.setVariable(PARTNER_COMMENTS, null);
        };
    }

    @Bean("recordWorkPlanRevision")
    JavaDelegate recordWorkPlanRevision() {
        return execution -> {
            String plan = plan(execution);
            int changed = activityImport.importTyped(plan, (String) execution.getVariable(ACTIVITIES_TO_ADD));
            workPlans.addComment(plan, "REVISION", "Secretariat", Actor.current(identity),
                    "Revised after consultation" + (changed > 0 ? "; %d activities added, changed or removed".formatted(changed) : ""));
            workPlans.setStatus(plan, WorkPlanStatus.AWAITING_ENDORSEMENT);
            refresh(execution, plan);
        };
    }

    /** Both bodies have spoken; implementation starts only if neither refused. */
    @Bean("recordWorkPlanEndorsements")
    JavaDelegate recordWorkPlanEndorsements() {
        return execution -> {
            String plan = plan(execution);
            String cms = (String) execution.getVariable(CMS_DECISION);
            String partner = (String) execution.getVariable(PARTNER_BODY_DECISION);
            workPlans.addComment(plan, "ENDORSEMENT", "CMS Standing Committee", Actor.SYSTEM, cms);
            workPlans.addComment(plan, "ENDORSEMENT", "Partner's body", Actor.SYSTEM, partner);
            boolean both = !"NOT_ENDORSED".equals(cms) && !"NOT_ENDORSED".equals(partner);
            execution.setVariable("bothEndorsed", both);
            String predecessor = (String) execution.getVariable(PREDECESSOR);
            if (both && predecessor != null) {
                execution.setVariable(UNFINISHED_TEXT, capped(workPlans.activities(predecessor).stream()
                        .filter(a -> !a.status().isFinished())
                        .map(a -> a.code() + " (" + a.status() + "): " + shorten(a.description()))
                        .toList(), predecessor));
            }
        };
    }

    @Bean("markWorkPlanNotAdopted")
    JavaDelegate markWorkPlanNotAdopted() {
        return execution -> workPlans.setStatus(plan(execution), WorkPlanStatus.NOT_ADOPTED);
    }

    /** Drops what the officer named, carries the rest of the predecessor over, and starts implementation. */
    @Bean("startWorkPlanImplementation")
    JavaDelegate startWorkPlanImplementation() {
        return execution -> {
            String plan = plan(execution);
            String predecessor = (String) execution.getVariable(PREDECESSOR);
            if (predecessor != null) {
                Map<String, String> drops = drops(execution, predecessor);
                List<String> carried = workPlans.carryOver(plan, predecessor, drops, Actor.current(identity));
                workPlans.addComment(plan, "CARRY_OVER", predecessor, Actor.current(identity),
                        "Carried over: %s; dropped: %s".formatted(carried.isEmpty() ? "none" : String.join(", ", carried),
                                drops.isEmpty() ? "none" : String.join(", ", drops.keySet())));
            }
            workPlans.startImplementation(plan);
            schedule(execution, workPlans.get(plan));
            refresh(execution, plan);
        };
    }

    @Bean("recordActivityProgress")
    JavaDelegate recordActivityProgress() {
        return execution -> {
            String plan = plan(execution);
            List<String> problems = new ArrayList<>();
            String code = FormValues.text(execution.getVariable(ACTIVITY_CODE)).toUpperCase();
            boolean known = workPlans.activities(plan).stream().anyMatch(a -> a.code().equalsIgnoreCase(code));
            if (!known) {
                problems.add("No activity %s in %s".formatted(code, plan));
            }
            ActivityStatus status = FormValues.text(execution.getVariable(ACTIVITY_STATUS)).isEmpty() ? null
                    : FormValues.enumValue(ActivityStatus.class, execution.getVariable(ACTIVITY_STATUS), "activity status", problems);
            String text = FormValues.text(execution.getVariable(LOG_TEXT));
            boolean funding = Boolean.TRUE.equals(execution.getVariable(FUNDING_SECURED));
            LocalDate on = FormValues.text(execution.getVariable(LOG_DATE)).isEmpty() ? RegisterClock.today()
                    : FormValues.date(execution.getVariable(LOG_DATE), "date", problems);
            if (on != null && on.isAfter(RegisterClock.today())) {
                problems.add("The date %s is in the future".formatted(on));
            }
            if (status == null && text.isEmpty() && !funding) {
                problems.add("Record a new status, what was done, or that funding was secured");
            }
            if (known && status == ActivityStatus.IN_PROGRESS && !funding) {
                WorkPlanActivity activity = workPlans.activity(plan, code);
                if (activity.subjectToExternalFunding() && activity.fundingStatus() != FundingStatus.SECURED) {
                    problems.add("%s waits for external funding: record the funding first".formatted(code));
                }
            }
            InvalidInputException.throwIfAny(problems);
            workPlans.recordProgress(plan, code, status, text, on, funding, Actor.current(identity));
            for (String field : List.of(ACTIVITY_CODE, ACTIVITY_STATUS, LOG_TEXT, LOG_DATE, FUNDING_SECURED)) {
                execution.setVariable(field, null);
            }
            refresh(execution, plan);
        };
    }

    /** The secretariats' yearly coordination meeting: recorded, and a progress report for the Committee. */
    @Bean("recordCoordinationMeeting")
    JavaDelegate recordCoordinationMeeting() {
        return execution -> {
            String plan = plan(execution);
            List<String> problems = new ArrayList<>();
            String summary = FormValues.requiredText(execution.getVariable(MEETING_SUMMARY), "summary of the meeting", 10, problems);
            if (summary != null && summary.length() > 3000) {
                problems.add("Keep the summary of the meeting under 3000 characters; the details go into the activities' progress");
            }
            InvalidInputException.throwIfAny(problems);
            workPlans.addComment(plan, "COORDINATION_MEETING", "Secretariats", Actor.current(identity), summary);
            Map<ActivityStatus, Long> counts = workPlans.activities(plan).stream()
                    .collect(Collectors.groupingBy(WorkPlanActivity::status, LinkedHashMap::new, Collectors.counting()));
            execution.setVariable(PROGRESS_SUMMARY, counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', ' '))
                    .collect(Collectors.joining(", ")) + ". " + summary);
        };
    }

    @Bean("recordExtensionDecision")
    JavaDelegate recordExtensionDecision() {
        return execution -> {
            String plan = plan(execution);
            List<String> problems = new ArrayList<>();
            String decision = FormValues.text(execution.getVariable(EXTENSION_DECISION));
            if (!decision.equals("EXTEND") && !decision.equals("CLOSE")) {
                problems.add("The decision must be EXTEND or CLOSE");
            }
            if (decision.equals("EXTEND")) {
                Integer year = FormValues.positiveInt(execution.getVariable(NEW_END_YEAR), "new last year", problems);
                int current = workPlans.get(plan).periodEndYear();
                if (year != null && year <= current) {
                    problems.add("The new last year %d must be after %d".formatted(year, current));
                }
                FormValues.requiredText(execution.getVariable(EXTENSION_REASON), "reason for the extension", 5, problems);
            }
            InvalidInputException.throwIfAny(problems);
            workPlans.addComment(plan, "EXTENSION", "Secretariat", Actor.current(identity), decision
                    + (decision.equals("EXTEND") ? " to " + execution.getVariable(NEW_END_YEAR) + ": "
                    + execution.getVariable(EXTENSION_REASON) : ""));
        };
    }

    @Bean("extendWorkPlan")
    JavaDelegate extendWorkPlan() {
        return execution -> {
            String plan = plan(execution);
            workPlans.extendTo(plan, FormValues.positiveInt(execution.getVariable(NEW_END_YEAR), "new last year", new ArrayList<>()));
            WorkPlan extended = workPlans.get(plan);
            execution.setVariable(PERIOD_END, extended.periodEndYear());
            schedule(execution, extended);
        };
    }

    @Bean("markWorkPlanStopped")
    JavaDelegate markWorkPlanStopped() {
        return execution -> {
            workPlans.setStatus(plan(execution), WorkPlanStatus.STOPPED);
            workPlans.addComment(plan(execution), "STOPPED", "Secretariat", Actor.current(identity),
                    String.valueOf(execution.getVariable(STOP_REASON)));
        };
    }

    @Bean("closeWorkPlan")
    JavaDelegate closeWorkPlan() {
        return execution -> {
            String plan = plan(execution);
            workPlans.setStatus(plan, WorkPlanStatus.CLOSED);
            workPlans.addComment(plan, "CLOSURE", "Secretariat", Actor.current(identity),
                    "Closed; state of implementation: /api/work-plans/%s/report.html (editable: report.odt)".formatted(plan));
        };
    }

    /** The yearly coordination meetings left in the period, and the extension decision before its end. */
    private void schedule(DelegateExecution execution, WorkPlan plan) {
        int meetings = Math.max(1, plan.periodEndYear() - Math.max(plan.periodStartYear(), RegisterClock.today().getYear()));
        execution.setVariable(MEETING_CYCLE, "R" + meetings + "/P1Y");
        LocalDate decision = LocalDate.of(plan.periodEndYear(), 12, 31).minusDays(extensionDecisionDays);
        // A plan endorsed after its period (like a plan recorded late) still gets a year of
        // implementation and one coordination meeting before the officer must extend or close it.
        LocalDate earliest = RegisterClock.today().plusYears(1).plusDays(1);
        execution.setVariable(EXTENSION_DECISION_AT, RegisterClock.at(decision.isBefore(earliest) && plan.periodEndYear() < RegisterClock.today().getYear()
                ? earliest : decision, LocalTime.of(9, 0)));
    }

    private Map<String, String> drops(DelegateExecution execution, String predecessor) {
        Map<String, String> drops = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : FormValues.text(execution.getVariable(DROPS)).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            String code = parts[0].trim().toUpperCase();
            String reason = parts.length > 1 ? parts[1].trim() : "";
            boolean unfinished = workPlans.activities(predecessor).stream()
                    .anyMatch(a -> a.code().equals(code) && !a.status().isFinished());
            if (!unfinished) {
                problems.add("%s is not an unfinished activity of %s".formatted(code, predecessor));
            } else if (reason.length() < 5) {
                problems.add("Give the reason for dropping %s (CODE | reason)".formatted(code));
            } else {
                drops.put(code, reason);
            }
        }
        InvalidInputException.throwIfAny(problems);
        return drops;
    }

    private void refresh(DelegateExecution execution, String plan) {
        execution.setVariable(ACTIVITIES_TEXT, activitiesText(workPlans, plan));
        execution.setVariable(ACTIVITIES_TO_ADD, null);
    }

    /**
     * The plan's activities for the forms, one short line each. Camunda keeps a string variable in
     * at most 4000 characters, so descriptions are shortened and a long plan points to its report.
     */
    static String activitiesText(WorkPlanService workPlans, String plan) {
        return capped(workPlans.activities(plan).stream()
                .map(a -> "%s (%s, %s%s): %s".formatted(a.code(), a.timeframe(), a.status(),
                        a.subjectToExternalFunding() ? ", funding " + a.fundingStatus() : "", shorten(a.description())))
                .toList(), plan);
    }

    static String capped(List<String> lines, String plan) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String more = "\n... %d more: see /api/work-plans/%s/report.html".formatted(lines.size() - i, plan);
            if (text.length() + lines.get(i).length() + 1 + more.length() > MAX_TEXT_VARIABLE) {
                return text.append(more).toString();
            }
            text.append(i == 0 ? "" : "\n").append(lines.get(i));
        }
        return text.toString();
    }

    private static String shorten(String description) {
        return description.length() <= 70 ? description : description.substring(0, 69).stripTrailing() + "…";
    }

    /** Camunda stores a string variable in a 4000-character column; "…" may take 3 bytes in UTF-8. */
    private static final int MAX_TEXT_VARIABLE = 3800;

    private static String plan(DelegateExecution execution) {
        return (String) execution.getVariable(WORK_PLAN_REFERENCE);
    }
}
