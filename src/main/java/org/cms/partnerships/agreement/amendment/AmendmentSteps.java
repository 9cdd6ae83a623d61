package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.cms.partnerships.agreement.AgreementProcess.LegalDecision;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The amendment's steps, each a thin listener or delegate over {@link AmendmentService}: review,
 * approval and revision checked as their tasks complete and recorded in the amendment's history;
 * adoption (the agreement's record changes) and rejection.
 */
@Configuration
class AmendmentSteps {

    private final AmendmentService amendments;
    private final IdentityService identity;

    AmendmentSteps(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    /** Complete listener of "Review the amendment": changes required need a reason. */
    @Bean("recordAmendmentLegalReview")
    TaskListener recordAmendmentLegalReview() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            LegalDecision decision = input.required(LEGAL_DECISION);
            String comments = input.optionalText(LEGAL_COMMENTS);
            input.check(decision != LegalDecision.CHANGES_REQUIRED || comments.length() >= 10, "Say why (at least 10 characters)");
            input.throwIfInvalid();
            amendments.recordStep(agreement(task), NUMBER.from(task), "LEGAL_REVIEW: " + decision, by(), comments);
        };
    }

    /** Complete listener of "Approve the amendment": a rejection needs a reason. */
    @Bean("recordAmendmentApproval")
    TaskListener recordAmendmentApproval() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            Decision decision = input.required(DECISION);
            String comment = input.optionalText(DECISION_COMMENT);
            input.check(decision != Decision.REJECTED || comment.length() >= 10, "Say why (at least 10 characters)");
            input.throwIfInvalid();
            amendments.recordStep(agreement(task), NUMBER.from(task), "EXECUTIVE_SECRETARY: " + decision, by(), comment);
        };
    }

    /** Complete listener of "Revise the amendment". */
    @Bean("amendmentRevised")
    TaskListener amendmentRevised() {
        return (DelegateTask task) -> {
            FormInput input = FormInput.of(task);
            String description = input.text(DESCRIPTION, 10);
            input.throwIfInvalid();
            amendments.recordStep(agreement(task), NUMBER.from(task), "REVISED", by(), description);
        };
    }

    @Bean("adoptAmendment")
    JavaDelegate adoptAmendment() {
        return execution -> amendments.adopt(agreement(execution), NUMBER.from(execution), DESCRIPTION.from(execution), by());
    }

    @Bean("rejectAmendment")
    JavaDelegate rejectAmendment() {
        return execution -> amendments.reject(agreement(execution), NUMBER.from(execution),
                "Rejected by the Executive Secretary: " + DECISION_COMMENT.orNull(execution), by());
    }

    @Bean("closeAmendmentNotEndorsed")
    JavaDelegate closeAmendmentNotEndorsed() {
        return execution -> amendments.reject(agreement(execution), NUMBER.from(execution),
                "Not endorsed by the Standing Committee: " + EndorsementProcess.ENDORSEMENT_DECISION_TEXT.orNull(execution), by());
    }

    private static String agreement(VariableScope scope) {
        return AgreementVariables.REFERENCE.from(scope);
    }

    private String by() {
        return Actor.current(identity);
    }
}
