package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.springframework.stereotype.Component;

/**
 * Records the Executive Secretary's suspension in the register and stops the implementation of the
 * agreement's joint work plans: through their process where one runs, in the register otherwise.
 * Plans still being drafted or endorsed go on; a new plan needs the agreement back in force.
 */
@Component("suspendAgreement")
class SuspendAgreementDelegate implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;
    private final WorkPlanService workPlans;
    private final RuntimeService runtime;

    SuspendAgreementDelegate(AgreementService agreements, IdentityService identity, WorkPlanService workPlans,
                             RuntimeService runtime) {
        this.agreements = agreements;
        this.identity = identity;
        this.workPlans = workPlans;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = "Suspended (%s): %s. Executive Secretary: %s".formatted(
                execution.getVariable(SuspensionProcess.GROUNDS), execution.getVariable(SuspensionProcess.REASON),
                execution.getVariable(SuspensionProcess.DECISION_COMMENT));
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        agreements.changeStatus(reference, AgreementStatus.SUSPENDED, Actor.current(identity), reason);
        String stopReason = "Agreement %s suspended (%s)".formatted(reference, execution.getVariable(SuspensionProcess.GROUNDS));
        for (var plan : workPlans.plansOf(reference)) {
            if (plan.status() != WorkPlanStatus.IN_IMPLEMENTATION) {
                continue;
            }
            runtime.createMessageCorrelation(WorkPlanProcess.MESSAGE_STOPPED).processInstanceBusinessKey(plan.reference())
                    .setVariable(WorkPlanProcess.STOP_REASON, stopReason).correlateAll();
            if (workPlans.get(plan.reference()).status() == WorkPlanStatus.IN_IMPLEMENTATION) {
                workPlans.setStatus(plan.reference(), WorkPlanStatus.STOPPED);
                workPlans.addComment(plan.reference(), "STOPPED", "Secretariat", Actor.current(identity), stopReason);
            }
        }
    }
}
