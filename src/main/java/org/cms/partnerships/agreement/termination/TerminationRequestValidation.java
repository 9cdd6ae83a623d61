package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.AgreementVariables.*;
import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/** Refuses a termination without reason, of an agreement not binding, or a second one under way. */
@Component("terminationRequestValidation")
class TerminationRequestValidation implements ExecutionListener {

    private final AgreementService agreements;
    private final RuntimeService runtime;

    TerminationRequestValidation(AgreementService agreements, RuntimeService runtime) {
        this.agreements = agreements;
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String reference = FormValues.text(execution.getVariable(AGREEMENT_REFERENCE)).toUpperCase();
        Agreement agreement = agreements.find(reference).orElse(null);
        if (agreement == null) {
            problems.add("No agreement with reference " + reference);
        } else if (!AgreementStatus.EFFECTIVE.contains(agreement.status())) {
            problems.add("%s is %s: only an agreement in force, dormant or suspended can be terminated"
                    .formatted(reference, agreement.status()));
        } else if (runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(reference + "/termination").count() > 0) {
            problems.add("A termination of %s is already under way".formatted(reference));
        }
        FormValues.enumValue(Grounds.class, execution.getVariable(GROUNDS), "grounds", problems);
        FormValues.requiredText(execution.getVariable(REASON), "reason for the termination", 10, problems);
        LocalDate effective = FormValues.text(execution.getVariable(EFFECTIVE_ON)).isEmpty() ? RegisterClock.today()
                : FormValues.date(execution.getVariable(EFFECTIVE_ON), "date the termination takes effect", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        execution.setProcessBusinessKey(reference + "/termination");
        execution.setVariable(AGREEMENT_REFERENCE, reference);
        execution.setVariable(PARTNER_ACRONYM, agreement.partnerAcronym());
        execution.setVariable(PARTNER_NAME, agreement.partnerName());
        execution.setVariable(AGREEMENT_TITLE, agreement.title());
        execution.setVariable(EFFECTIVE_ON, effective.toString());
    }
}
