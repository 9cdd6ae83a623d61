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

/**
 * Keeps one secretariat's answer to the consultation on the agreement; with the input parameter
 * {@code outcome} = NO_COMMENTS (the deadline passed), records that it did not answer.
 */
@Component("recordConsultationComments")
class RecordConsultationComments implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordConsultationComments(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        String secretariat = (String) execution.getVariable(CONSULTED_SECRETARIAT);
        if ("NO_COMMENTS".equals(execution.getVariable("outcome"))) {
            agreements.addComment(reference, "CONSULTATION", secretariat, Actor.SYSTEM,
                    "No comments: no answer by the deadline of " + execution.getVariable(CONSULTATION_DEADLINE_DATE));
            return;
        }
        List<String> problems = new ArrayList<>();
        String comments = FormValues.requiredText(execution.getVariable(CONSULTATION_COMMENTS), "comments", 2, problems);
        InvalidInputException.throwIfAny(problems);
        agreements.addComment(reference, "CONSULTATION", secretariat, Actor.current(identity), comments);
    }
}
