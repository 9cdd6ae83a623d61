package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The amendment's steps, each a thin delegate over {@link AmendmentService}: review and approval
 * recorded in the amendment's history, revision, adoption (the agreement's record changes) and
 * rejection.
 */
@Configuration
class AmendmentSteps {

    private final AmendmentService amendments;
    private final AgreementService agreements;
    private final IdentityService identity;

    AmendmentSteps(AmendmentService amendments, AgreementService agreements, IdentityService identity) {
        this.amendments = amendments;
        this.agreements = agreements;
        this.identity = identity;
    }

    /** Input parameter {@code step}: LEGAL_REVIEW (APPROVED / CHANGES_REQUIRED) or APPROVAL (APPROVE / REJECT). */
    @Bean("recordAmendmentStep")
    JavaDelegate recordAmendmentStep() {
        return execution -> {
            List<String> problems = new ArrayList<>();
            boolean legal = "LEGAL_REVIEW".equals(execution.getVariable("step"));
            String decision = FormValues.text(execution.getVariable(legal ? LEGAL_DECISION : DECISION));
            String comment = FormValues.text(execution.getVariable(legal ? LEGAL_COMMENTS : DECISION_COMMENT));
            List<String> allowed = legal ? List.of("APPROVED", "CHANGES_REQUIRED") : List.of("APPROVE", "REJECT");
            if (!allowed.contains(decision)) {
                problems.add("The decision must be one of " + allowed);
            }
            if ((decision.equals("CHANGES_REQUIRED") || decision.equals("REJECT")) && comment.length() < 10) {
                problems.add("Say why (at least 10 characters)");
            }
            InvalidInputException.throwIfAny(problems);
            amendments.record(current(execution).id(), (legal ? "LEGAL_REVIEW: " : "EXECUTIVE_SECRETARY: ") + decision,
                    Actor.current(identity), comment.isEmpty() ? null : comment);
        };
    }

    @Bean("amendmentRevised")
    TaskListener amendmentRevised() {
        return (DelegateTask task) -> {
            List<String> problems = new ArrayList<>();
            String description = FormValues.requiredText(task.getVariable(DESCRIPTION), "description of the amendment", 10, problems);
            InvalidInputException.throwIfAny(problems);
            amendments.record(current(task.getExecution()).id(), "REVISED", Actor.current(identity), description);
        };
    }

    @Bean("adoptAmendment")
    JavaDelegate adoptAmendment() {
        return execution -> {
            Amendment amendment = current(execution);
            String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
            agreements.amend(reference, amendment.newScope(), amendment.newExpiresOn());
            String text = (String) execution.getVariable(DESCRIPTION);
            amendments.close(amendment.id(), Amendment.Status.ADOPTED, Actor.current(identity), text);
            agreements.addComment(reference, "AMENDMENT", "Amendment " + amendment.number(), Actor.current(identity),
                    "Adopted (%s): %s".formatted(amendment.type(), text));
        };
    }

    @Bean("rejectAmendment")
    JavaDelegate rejectAmendment() {
        return execution -> {
            Object endorsement = execution.getVariable("endorsementDecisionText");
            String why = "NOT_ENDORSED".equals(execution.getVariable("endorsementDecision")) && endorsement != null
                    ? "Not endorsed by the Standing Committee: " + endorsement
                    : "Rejected by the Executive Secretary: " + execution.getVariable(DECISION_COMMENT);
            amendments.close(current(execution).id(), Amendment.Status.REJECTED, Actor.current(identity), why);
        };
    }

    private Amendment current(DelegateExecution execution) {
        return amendments.get((String) execution.getVariable(AGREEMENT_REFERENCE),
                ((Number) execution.getVariable(NUMBER)).intValue());
    }
}
