package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.workplan.WorkPlanStops;
import org.springframework.stereotype.Component;

/**
 * Records the Executive Secretary's suspension in the register and stops the implementation of the
 * agreement's joint work plans ({@link WorkPlanStops}); a new plan needs the agreement back in force.
 */
@Component("suspendAgreement")
class SuspendAgreementDelegate implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;
    private final WorkPlanStops workPlanStops;

    SuspendAgreementDelegate(AgreementService agreements, IdentityService identity, WorkPlanStops workPlanStops) {
        this.agreements = agreements;
        this.identity = identity;
        this.workPlanStops = workPlanStops;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = "Suspended (%s): %s. Executive Secretary: %s".formatted(
                execution.getVariable(SuspensionProcess.GROUNDS), execution.getVariable(SuspensionProcess.REASON),
                execution.getVariable(SuspensionProcess.DECISION_COMMENT));
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        agreements.changeStatus(reference, AgreementStatus.SUSPENDED, Actor.current(identity), reason);
        workPlanStops.stopImplementation(reference,
                "Agreement %s suspended (%s)".formatted(reference, execution.getVariable(SuspensionProcess.GROUNDS)),
                Actor.current(identity));
    }
}
