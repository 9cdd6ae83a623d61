package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.agreement.AgreementVariables;
import org.springframework.stereotype.Component;

/**
 * The one place that drives {@code joint-work-plan} from outside Tasklist: starts a plan's lifecycle,
 * stops it (message {@link WorkPlanProcess#MESSAGE_STOPPED}) or cancels it. Answers with plan
 * references, never engine objects.
 */
@Component
public class WorkPlanLifecycle {

    private final RuntimeService runtime;

    WorkPlanLifecycle(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the lifecycle of a plan drafted in the register; returns its reference (the business key). */
    public String startFor(String draftReference) {
        Map<String, Object> start = new HashMap<>();
        REFERENCE.putIn(start, draftReference);
        return runtime.startProcessInstanceByKey(KEY, start).getBusinessKey();
    }

    /** Proposes a new plan and starts its lifecycle; returns the new plan's reference. */
    public String propose(WorkPlanProposals.Proposal proposal) {
        Map<String, Object> start = new HashMap<>();
        AgreementVariables.REFERENCE.putIn(start, proposal.agreementReference());
        PLAN_TITLE.putIn(start, proposal.title());
        FIRST_YEAR.putIn(start, proposal.periodStartYear());
        LAST_YEAR.putIn(start, proposal.periodEndYear());
        THEME_LINES.putIn(start, proposal.themes());
        PREDECESSOR.putIn(start, proposal.predecessorReference());
        return runtime.startProcessInstanceByKey(KEY, start).getBusinessKey();
    }

    /**
     * Stops the plan's implementation through its process, which records why.
     *
     * @return whether a lifecycle in implementation received it
     */
    public boolean stopImplementation(String planReference, String reason) {
        Map<String, Object> variables = new HashMap<>();
        STOP_REASON.putIn(variables, reason);
        return !runtime.createMessageCorrelation(MESSAGE_STOPPED).processInstanceBusinessKey(planReference)
                .setVariables(variables).correlateAllWithResult().isEmpty();
    }

    /** Ends the plan's lifecycle wherever it is (its agreement was terminated before implementation). */
    public void cancel(String planReference, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(planReference).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason, true, true));
    }
}
