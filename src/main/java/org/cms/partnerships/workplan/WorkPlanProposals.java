package org.cms.partnerships.workplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.PartnerService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a plan needs to start its lifecycle: an agreement in force, a title, a period and themes, and
 * a predecessor (if any) of the same partner still in implementation. Either a plan already drafted
 * in the register, or a new plan. Refuses with every problem.
 */
@Service
public class WorkPlanProposals {

    private final WorkPlanService workPlans;
    private final AgreementService agreements;
    private final PartnerService partners;

    WorkPlanProposals(WorkPlanService workPlans, AgreementService agreements, PartnerService partners) {
        this.workPlans = workPlans;
        this.agreements = agreements;
        this.partners = partners;
    }

    /** What a new plan is proposed with (the start form). */
    public record Proposal(String agreementReference, String title, Integer periodStartYear, Integer periodEndYear,
                           String themes, String predecessorReference) {
    }

    /** The plan whose lifecycle starts, with what the forms show of it. */
    public record Proposed(WorkPlan plan, String partnerName, String activitiesText) {
    }

    /** A plan drafted in the register starts its lifecycle: it must still be a draft. */
    public Proposed lifecycleOf(String reference) {
        List<String> problems = new ArrayList<>();
        WorkPlan plan = workPlans.find(reference.toUpperCase()).orElse(null);
        if (plan == null) {
            problems.add("No joint work plan with reference " + reference);
        } else if (plan.status() != WorkPlanStatus.DRAFT) {
            problems.add("%s is %s: only a draft plan starts its lifecycle".formatted(plan.reference(), plan.status()));
        } else {
            requireInForce(plan.agreementReference(), problems);
            if (plan.predecessorReference() != null) {
                requireHandsOver(workPlans.get(plan.predecessorReference()), problems);
            }
        }
        InvalidInputException.throwIfAny(problems);
        return proposed(plan);
    }

    private Proposed proposed(WorkPlan plan) {
        return new Proposed(plan, partners.getByAcronym(plan.partnerAcronym()).name(), workPlans.activitiesText(plan.reference()));
    }

    /** A new plan, recorded as DRAFT with its themes; its reference is JWP-{partner}-{first}-{last}. */
    @Transactional
    public Proposed propose(Proposal p, String by) {
        List<String> problems = new ArrayList<>();
        Agreement agreement = requireInForce(p.agreementReference() == null ? null : p.agreementReference().toUpperCase(), problems);
        String title = p.title() == null ? "" : p.title().strip();
        if (title.length() < 5) {
            problems.add(title.isEmpty() ? "The title is required" : "The title must have at least 5 characters");
        }
        requirePositive(p.periodStartYear(), "first year of the period", problems);
        requirePositive(p.periodEndYear(), "last year of the period", problems);
        if (p.periodStartYear() != null && p.periodEndYear() != null && p.periodEndYear() < p.periodStartYear()) {
            problems.add("The period ends (%d) before it starts (%d)".formatted(p.periodEndYear(), p.periodStartYear()));
        }
        Map<String, String> themes = themes(p.themes(), problems);
        String predecessor = p.predecessorReference() == null ? "" : p.predecessorReference().toUpperCase();
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
        String reference = "JWP-" + agreement.partnerAcronym() + "-" + p.periodStartYear() + "-" + p.periodEndYear();
        if (workPlans.find(reference).isPresent()) {
            throw new InvalidInputException("A plan %s already exists".formatted(reference));
        }
        workPlans.create(new WorkPlanService.NewWorkPlan(reference, partners.getByAcronym(agreement.partnerAcronym()).id(),
                agreement.id(), title, p.periodStartYear(), p.periodEndYear(), WorkPlanStatus.DRAFT,
                previous == null ? null : previous.id()), by, "Proposed under " + agreement.reference());
        themes.forEach((code, themeTitle) -> workPlans.addTheme(reference, code, themeTitle));
        return proposed(workPlans.get(reference));
    }

    /** Theme lines such as {@code A: Harmonization}, one a line; at least one. */
    static Map<String, String> themes(String text, List<String> problems) {
        Map<String, String> themes = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            if (parts.length < 2 || !parts[0].trim().matches("[A-Z]{1,3}") || parts[1].isBlank()) {
                problems.add("Theme '%s' must read like 'A: Harmonization'".formatted(line.trim()));
            } else {
                themes.put(parts[0].trim(), parts[1].trim());
            }
        }
        if (themes.isEmpty()) {
            problems.add("At least one theme is required, e.g. 'A: Harmonization'");
        }
        return themes;
    }

    private static void requirePositive(Integer value, String label, List<String> problems) {
        if (value == null) {
            problems.add("The %s is required".formatted(label));
        } else if (value <= 0) {
            problems.add("The %s must be a positive number".formatted(label));
        }
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
