package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.workplan.WorkPlanStops;
import org.springframework.stereotype.Component;

/**
 * The Executive Secretary decided to terminate: the agreement becomes TERMINATED, what was still
 * running for it (reviews, renewals, amendments, suspensions) ends with the reason, and its joint
 * work plans stop. All in one transaction with the decision.
 */
@Component("terminateAgreement")
class TerminateAgreement implements JavaDelegate {

    /** Processes that follow an agreement in force; their business keys start with its reference. */
    static final List<String> FOLLOWING_PROCESSES = List.of("agreement-annual-review", "agreement-renewal",
            "agreement-amendment", "agreement-suspension");

    private final AgreementService agreements;
    private final WorkPlanStops workPlanStops;
    private final RuntimeService runtime;
    private final IdentityService identity;

    TerminateAgreement(AgreementService agreements, WorkPlanStops workPlanStops, RuntimeService runtime,
                       IdentityService identity) {
        this.agreements = agreements;
        this.workPlanStops = workPlanStops;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String comment = FormValues.requiredText(execution.getVariable(DECISION_COMMENT), "comment on the decision", 3, problems);
        InvalidInputException.throwIfAny(problems);
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        String reason = "Terminated (%s, effective %s): %s. Executive Secretary: %s".formatted(
                execution.getVariable(GROUNDS), execution.getVariable(EFFECTIVE_ON), execution.getVariable(REASON), comment);
        agreements.changeStatus(reference, AgreementStatus.TERMINATED, Actor.current(identity), reason);

        String ending = "Agreement " + reference + " terminated";
        List<String> ended = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKeyIn(FOLLOWING_PROCESSES.toArray(String[]::new))
                .processInstanceBusinessKeyLike(reference + "%").list()) {
            String key = instance.getBusinessKey();
            if (key.equals(reference) || key.startsWith(reference + "/")) {
                runtime.deleteProcessInstance(instance.getId(), ending, true, true);
                ended.add(key);
            }
        }
        execution.setVariable(ENDED_PROCESSES, String.join(", ", ended));
        execution.setVariable(STOPPED_PLANS, String.join(", ", workPlanStops.stopAll(reference, ending, Actor.current(identity))));
    }
}
