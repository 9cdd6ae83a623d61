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

/** Keeps the Executive Secretary's clearance: cleared, returned for drafting (why), or rejected (why). */
@Component("recordClearance")
class RecordClearance implements JavaDelegate {

    enum Decision { CLEAR, RETURN, REJECT }

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordClearance(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Decision decision = FormValues.enumValue(Decision.class, execution.getVariable(CLEARANCE_DECISION), "clearance decision", problems);
        String comments = FormValues.text(execution.getVariable(CLEARANCE_COMMENTS));
        if (decision != null && decision != Decision.CLEAR && comments.length() < 10) {
            problems.add("Say why (at least 10 characters)");
        }
        InvalidInputException.throwIfAny(problems);
        agreements.addComment((String) execution.getVariable(AGREEMENT_REFERENCE), "CLEARANCE", "Executive Secretary",
                Actor.current(identity), decision + (comments.isEmpty() ? "" : ": " + comments));
        if (decision == Decision.RETURN) {
            execution.setVariable(REVISION_REASON, "Returned by the Executive Secretary: " + comments);
        } else if (decision == Decision.REJECT) {
            execution.setVariable(REJECTION_REASON, "Rejected by the Executive Secretary: " + comments);
        }
    }
}
