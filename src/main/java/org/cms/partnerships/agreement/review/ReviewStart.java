package org.cms.partnerships.agreement.review;

import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Checks that a review concerns an agreement still binding, and puts on the task what the officer
 * needs: partner, joint work plans and their status, the due date. A second review of the agreement
 * under way is refused by the database (exclusive key, 409).
 */
@Component("reviewStart")
class ReviewStart implements ExecutionListener {

    private final AgreementChecks checks;
    private final AnnualReviewService reviews;
    private final ReviewBatch batch;

    ReviewStart(AgreementChecks checks, AnnualReviewService reviews, ReviewBatch batch) {
        this.checks = checks;
        this.reviews = reviews;
        this.batch = batch;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput input = FormInput.of(execution);
        // Started by the sweep: the batch looked it up with the others (the same check as below follows).
        Optional<ReviewBatch.Lookup> looked = batch.lookup(AgreementVariables.REFERENCE.orNull(execution));
        Agreement agreement = looked.map(ReviewBatch.Lookup::agreement).or(() -> checks.agreement(input)).orElse(null);
        if (agreement != null) {
            input.check(agreement.status() == AgreementStatus.IN_FORCE || agreement.status() == AgreementStatus.DORMANT,
                    "%s is %s: only an agreement in force or dormant is reviewed".formatted(agreement.reference(), agreement.status()));
        }
        LocalDate given = input.optional(REVIEW_DUE_ON);
        input.throwIfInvalid();
        LocalDate dueOn = given == null ? RegisterClock.today() : given;
        String reference = agreement.reference();
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(businessKey(reference, dueOn));
        }
        AgreementChecks.describe(execution, agreement);
        STATUS_AT_START.set(execution, agreement.status().name());
        REVIEW_DUE_ON.set(execution, dueOn);
        NEXT_REVIEW_ON.set(execution, dueOn.plusYears(1));
        REVIEW_OVERDUE_AT.set(execution, RegisterClock.at(dueOn.plusDays(30), LocalTime.of(9, 0)));
        WORK_PLANS_TEXT.set(execution, looked.map(ReviewBatch.Lookup::workPlansText).orElseGet(() -> reviews.workPlansOf(reference)));
    }
}
