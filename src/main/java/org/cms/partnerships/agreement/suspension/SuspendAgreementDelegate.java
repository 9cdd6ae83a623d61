package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/** Records the Executive Secretary's suspension in the register. */
@Component("suspendAgreement")
class SuspendAgreementDelegate implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;

    SuspendAgreementDelegate(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = "Suspended (%s): %s. Executive Secretary: %s".formatted(
                execution.getVariable(SuspensionProcess.GROUNDS), execution.getVariable(SuspensionProcess.REASON),
                execution.getVariable(SuspensionProcess.DECISION_COMMENT));
        agreements.changeStatus((String) execution.getVariable(AGREEMENT_REFERENCE), AgreementStatus.SUSPENDED,
                Actor.current(identity), reason);
    }
}
