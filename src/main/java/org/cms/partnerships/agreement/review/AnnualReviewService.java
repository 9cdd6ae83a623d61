package org.cms.partnerships.agreement.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cms.partnerships.agreement.review.AnnualReviewProcess.Assessment;
import org.cms.partnerships.agreement.review.AnnualReviewProcess.StatusAfterReview;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual review's rules: what the officer sees, and what the review leaves on the agreement (a
 * comment, the next review date, and which status follows; the status itself is declared on the model).
 */
@Service
public class AnnualReviewService {

    private final AgreementService agreements;
    private final WorkPlanService workPlans;

    public AnnualReviewService(AgreementService agreements, WorkPlanService workPlans) {
        this.agreements = agreements;
        this.workPlans = workPlans;
    }

    public record Findings(Assessment assessment, String activities, boolean contactsCurrent, String notes,
                           LocalDate nextReviewOn) {
    }

    /** The agreement's joint work plans and their status, one a line. */
    public String workPlansOf(String reference) {
        return workPlansText(workPlans.plansOf(reference));
    }

    /** {@link #workPlansOf} for many agreements at once (one query), by agreement reference. */
    public Map<String, String> workPlansOfAll(Collection<String> references) {
        Map<String, List<WorkPlan>> byAgreement = workPlans.plansOfAll(references).stream()
                .collect(Collectors.groupingBy(WorkPlan::agreementReference, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> texts = new HashMap<>();
        references.forEach(reference -> texts.put(reference, workPlansText(byAgreement.getOrDefault(reference, List.of()))));
        return texts;
    }

    private static String workPlansText(List<WorkPlan> plans) {
        String text = plans.stream()
                .map(w -> "%s (%d-%d): %s".formatted(w.title(), w.periodStartYear(), w.periodEndYear(), w.status()))
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? "No joint work plan" : text;
    }

    /** Keeps the review on the agreement, sets the next date, and says which status follows. */
    @Transactional
    public StatusAfterReview record(String reference, LocalDate dueOn, Findings findings, String by) {
        agreements.addComment(reference, "ANNUAL_REVIEW", "Review of " + dueOn, by,
                "%s. Activities: %s. Contacts current: %s%s".formatted(findings.assessment(), findings.activities(),
                        findings.contactsCurrent() ? "yes" : "no",
                        findings.notes().isEmpty() ? "" : ". " + findings.notes()));
        agreements.scheduleNextReview(reference, findings.nextReviewOn());
        return StatusAfterReview.of(findings.assessment(), agreements.get(reference).status());
    }
}
