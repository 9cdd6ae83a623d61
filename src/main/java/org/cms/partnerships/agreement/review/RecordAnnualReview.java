package org.cms.partnerships.agreement.review;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps the review on the agreement and acts on it: no joint activity in the year makes it DORMANT,
 * activity again makes a dormant agreement IN_FORCE; the next review date is set.
 */
@Component("recordAnnualReview")
class RecordAnnualReview implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordAnnualReview(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Assessment assessment = FormValues.enumValue(Assessment.class, execution.getVariable(ASSESSMENT), "assessment", problems);
        String activities = FormValues.requiredText(execution.getVariable(ACTIVITIES), "activities of the past year", 3, problems);
        LocalDate next = FormValues.date(execution.getVariable(NEXT_REVIEW_ON), "next review date", problems);
        if (next != null && !next.isAfter(RegisterClock.today())) {
            problems.add("The next review date %s is not in the future".formatted(next));
        }
        InvalidInputException.throwIfAny(problems);
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        String by = Actor.current(identity);
        String notes = FormValues.text(execution.getVariable(NOTES));
        agreements.addComment(reference, "ANNUAL_REVIEW", "Review of " + execution.getVariable(REVIEW_DUE_ON), by,
                "%s. Activities: %s. Contacts current: %s%s".formatted(assessment, activities,
                        Boolean.TRUE.equals(execution.getVariable(CONTACTS_CURRENT)) ? "yes" : "no",
                        notes.isEmpty() ? "" : ". " + notes));
        Agreement agreement = agreements.get(reference);
        if (assessment == Assessment.DORMANT && agreement.status() == AgreementStatus.IN_FORCE) {
            agreements.changeStatus(reference, AgreementStatus.DORMANT, by, "Annual review: no joint activity in the year");
        } else if (assessment != Assessment.DORMANT && agreement.status() == AgreementStatus.DORMANT) {
            agreements.changeStatus(reference, AgreementStatus.IN_FORCE, by, "Annual review: joint activity resumed");
        }
        agreements.scheduleNextReview(reference, next);
    }
}
