package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.PartnerService;
import org.springframework.stereotype.Component;

/**
 * Starts a plan's lifecycle: either for a plan already drafted in the register (its reference), or
 * for a new plan (agreement, title, period, themes, predecessor). The agreement must be in force;
 * the predecessor must be a plan of the same partner in implementation.
 */
@Component("workPlanProposal")
class WorkPlanProposal implements ExecutionListener {

    private final WorkPlanService workPlans;
    private final AgreementService agreements;
    private final PartnerService partners;
    private final RuntimeService runtime;

    WorkPlanProposal(WorkPlanService workPlans, AgreementService agreements, PartnerService partners,
                     RuntimeService runtime) {
        this.workPlans = workPlans;
        this.agreements = agreements;
        this.partners = partners;
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String existing = FormValues.text(execution.getVariable(WORK_PLAN_REFERENCE)).toUpperCase();
        WorkPlan plan;
        if (!existing.isEmpty()) {
            plan = workPlans.find(existing).orElse(null);
            if (plan == null) {
                problems.add("No joint work plan with reference " + existing);
            } else if (plan.status() != WorkPlanStatus.DRAFT) {
                problems.add("%s is %s: only a draft plan starts its lifecycle".formatted(existing, plan.status()));
            } else if (runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(existing)
                    .list().stream().anyMatch(i -> !i.getId().equals(execution.getProcessInstanceId()))) {
                problems.add("The lifecycle of %s is already under way".formatted(existing));
            } else {
                requireInForce(plan.agreementReference(), problems);
                if (plan.predecessorReference() != null) {
                    requireHandsOver(workPlans.get(plan.predecessorReference()), problems);
                }
            }
            InvalidInputException.throwIfAny(problems);
        } else {
            plan = createPlan(execution, problems);
        }
        execution.setProcessBusinessKey(plan.reference());
        execution.setVariable(WORK_PLAN_REFERENCE, plan.reference());
        execution.setVariable(AGREEMENT_REFERENCE, plan.agreementReference());
        execution.setVariable("partnerAcronym", plan.partnerAcronym());
        execution.setVariable("partnerName", partners.getByAcronym(plan.partnerAcronym()).name());
        execution.setVariable(TITLE, plan.title());
        execution.setVariable(PERIOD_START, plan.periodStartYear());
        execution.setVariable(PERIOD_END, plan.periodEndYear());
        execution.setVariable(PREDECESSOR, plan.predecessorReference());
        execution.setVariable(HAS_PREDECESSOR, plan.predecessorReference() != null);
        execution.setVariable(ACTIVITIES_TEXT, WorkPlanSteps.activitiesText(workPlans, plan.reference()));
    }

    private WorkPlan createPlan(DelegateExecution execution, List<String> problems) {
        Agreement agreement = requireInForce(FormValues.text(execution.getVariable(AGREEMENT_REFERENCE)).toUpperCase(), problems);
        String title = FormValues.requiredText(execution.getVariable(TITLE), "title", 5, problems);
        Integer start = FormValues.positiveInt(execution.getVariable(PERIOD_START), "first year of the period", problems);
        Integer end = FormValues.positiveInt(execution.getVariable(PERIOD_END), "last year of the period", problems);
        if (start != null && end != null && end < start) {
            problems.add("The period ends (%d) before it starts (%d)".formatted(end, start));
        }
        List<String[]> themes = new ArrayList<>();
        for (String line : FormValues.text(execution.getVariable(THEMES)).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            if (parts.length < 2 || !parts[0].trim().matches("[A-Z]{1,3}") || parts[1].isBlank()) {
                problems.add("Theme '%s' must read like 'A: Harmonization'".formatted(line.trim()));
            } else {
                themes.add(new String[] {parts[0].trim(), parts[1].trim()});
            }
        }
        if (themes.isEmpty()) {
            problems.add("At least one theme is required, e.g. 'A: Harmonization'");
        }
        String predecessor = FormValues.text(execution.getVariable(PREDECESSOR)).toUpperCase();
        WorkPlan previous = null;
        if (!predecessor.isEmpty()) {
            previous = workPlans.find(predecessor).orElse(null);
            if (previous == null) {
                problems.add("No joint work plan with reference %s to succeed".formatted(predecessor));
            } else if (agreement != null && !previous.partnerAcronym().equals(agreement.partnerAcronym())) {
                problems.add("%s is a plan with %s, not with %s".formatted(predecessor, previous.partnerAcronym(),
                        agreement.partnerAcronym()));
            } else {
                requireHandsOver(previous, problems);
            }
        }
        InvalidInputException.throwIfAny(problems);
        String reference = "JWP-" + agreement.partnerAcronym() + "-" + start + "-" + end;
        if (workPlans.find(reference).isPresent()) {
            throw new InvalidInputException("A plan %s already exists".formatted(reference));
        }
        workPlans.create(new WorkPlanService.NewWorkPlan(reference, partners.getByAcronym(agreement.partnerAcronym()).id(),
                agreement.id(), title, start, end, WorkPlanStatus.DRAFT, previous == null ? null : previous.id()));
        themes.forEach(t -> workPlans.addTheme(reference, t[0], t[1]));
        return workPlans.get(reference);
    }

    /** Only a plan still in implementation has unfinished activities to hand over (once). */
    private static void requireHandsOver(WorkPlan predecessor, List<String> problems) {
        if (predecessor.status() != WorkPlanStatus.IN_IMPLEMENTATION) {
            problems.add("%s is %s: only a plan in implementation hands its unfinished activities over to a successor"
                    .formatted(predecessor.reference(), predecessor.status()));
        }
    }

    private Agreement requireInForce(String reference, List<String> problems) {
        if (reference == null || reference.isEmpty()) {
            problems.add("The agreement the plan implements is required");
            return null;
        }
        Agreement agreement = agreements.find(reference).orElse(null);
        if (agreement == null) {
            problems.add("No agreement with reference " + reference);
        } else if (agreement.status() != AgreementStatus.IN_FORCE && agreement.status() != AgreementStatus.DORMANT) {
            problems.add("%s is %s: a joint work plan needs an agreement in force".formatted(reference, agreement.status()));
        }
        return agreement;
    }
}
