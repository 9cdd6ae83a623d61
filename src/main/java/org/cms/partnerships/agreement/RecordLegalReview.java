package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/** Keeps the legal review on the agreement; required changes send the draft back with the reason. */
@Component("recordLegalReview")
class RecordLegalReview implements JavaDelegate {

    enum Decision { APPROVED, CHANGES_REQUIRED }

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordLegalReview(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Decision decision = FormValues.enumValue(Decision.class, execution.getVariable(LEGAL_DECISION), "legal decision", problems);
        String comments = FormValues.text(execution.getVariable(LEGAL_COMMENTS));
        if (decision == Decision.CHANGES_REQUIRED && comments.length() < 10) {
            problems.add("Say which changes are required (at least 10 characters)");
        }
        InvalidInputException.throwIfAny(problems);
        agreements.addComment((String) execution.getVariable(AGREEMENT_REFERENCE), "LEGAL_REVIEW", "Legal",
                Actor.current(identity), decision + (comments.isEmpty() ? "" : ": " + comments));
        if (decision == Decision.CHANGES_REQUIRED) {
            execution.setVariable(REVISION_REASON, "Legal review requires changes: " + comments);
        }
    }
}
