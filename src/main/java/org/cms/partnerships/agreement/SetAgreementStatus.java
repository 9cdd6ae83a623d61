package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Moves the agreement to the status in the task's input parameter {@code status}, with the reason in
 * {@code reason}: the process itself keeps the register in step with where it is.
 */
@Component("setAgreementStatus")
class SetAgreementStatus implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;

    SetAgreementStatus(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.changeStatus((String) execution.getVariable(AGREEMENT_REFERENCE),
                AgreementStatus.valueOf((String) execution.getVariable("status")), Actor.current(identity),
                (String) execution.getVariable("reason"));
    }
}
