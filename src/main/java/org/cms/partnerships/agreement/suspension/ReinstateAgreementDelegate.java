package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/** Puts a suspended agreement back in force, with the officer's reason. */
@Component("reinstateAgreement")
class ReinstateAgreementDelegate implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;

    ReinstateAgreementDelegate(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.changeStatus((String) execution.getVariable(AGREEMENT_REFERENCE), AgreementStatus.IN_FORCE,
                Actor.current(identity), "Reinstated: " + execution.getVariable(SuspensionProcess.REINSTATEMENT_REASON));
    }
}
