package org.cms.partnerships.agreement.review;

import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.workplan.WorkPlanService;
import org.springframework.stereotype.Component;

/**
 * Checks that a review concerns an agreement still binding and not already under review, and puts
 * on the task what the officer needs: partner, joint work plans and their status, the due date.
 */
@Component("reviewStart")
class ReviewStart implements ExecutionListener {

    private final AgreementChecks checks;
    private final WorkPlanService workPlans;

    ReviewStart(AgreementChecks checks, WorkPlanService workPlans) {
        this.checks = checks;
        this.workPlans = workPlans;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Agreement agreement = checks.agreement(execution, problems).orElse(null);
        String reference = agreement == null ? null : agreement.reference();
        if (agreement == null) {
            // reported
        } else if (agreement.status() != AgreementStatus.IN_FORCE && agreement.status() != AgreementStatus.DORMANT) {
            problems.add("%s is %s: only an agreement in force or dormant is reviewed".formatted(reference, agreement.status()));
        } else if (checks.otherInstanceRunning(execution, KEY, reference + "/review/%")) {
            problems.add("A review of %s is already under way".formatted(reference));
        }
        LocalDate dueOn = FormValues.text(execution.getVariable(REVIEW_DUE_ON)).isEmpty() ? RegisterClock.today()
                : FormValues.date(execution.getVariable(REVIEW_DUE_ON), "review date", problems);
        InvalidInputException.throwIfAny(problems);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(businessKey(reference, dueOn));
        }
        AgreementChecks.describe(execution, agreement);
        execution.setVariable("agreementStatus", agreement.status().name());
        execution.setVariable(REVIEW_DUE_ON, dueOn.toString());
        execution.setVariable(NEXT_REVIEW_ON, dueOn.plusYears(1).toString());
        execution.setVariable(REVIEW_OVERDUE_AT,
                RegisterClock.at(dueOn.plusDays(30), LocalTime.of(9, 0)));
        String plans = workPlans.plansOf(reference).stream()
                .map(w -> "%s (%d-%d): %s".formatted(w.title(), w.periodStartYear(), w.periodEndYear(), w.status()))
                .collect(Collectors.joining("\n"));
        execution.setVariable(WORK_PLANS_TEXT, plans.isEmpty() ? "No joint work plan" : plans);
    }
}
