package org.cms.partnerships.agreement.review;

import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Complete listener of "Review the agreement": checks the form, keeps the review, says which status follows. */
@Component("recordAnnualReview")
class RecordAnnualReview implements TaskListener {

    private final AnnualReviewService reviews;
    private final IdentityService identity;

    RecordAnnualReview(AnnualReviewService reviews, IdentityService identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput input = FormInput.of(task);
        Assessment assessment = input.required(ASSESSMENT);
        String activities = input.text(ACTIVITIES, 3);
        Boolean contacts = input.optional(CONTACTS_CURRENT);
        LocalDate next = input.required(NEXT_REVIEW_ON);
        input.check(next == null || next.isAfter(RegisterClock.today()),
                "The next review date %s is not in the future".formatted(next));
        String notes = input.optionalText(NOTES);
        input.throwIfInvalid();
        StatusAfterReview after = reviews.record(AgreementVariables.REFERENCE.from(task), REVIEW_DUE_ON.from(task),
                new AnnualReviewService.Findings(assessment, activities, Boolean.TRUE.equals(contacts), notes, next),
                Actor.current(identity));
        STATUS_AFTER_REVIEW.set(task, after);
    }
}
