package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.notification.NotificationVariables;
import org.springframework.stereotype.Component;

/**
 * "Plan proposed": the start form names a plan already drafted in the register, or proposes a new
 * one ({@link WorkPlanProposals} checks it). The plan's reference becomes the business key; one
 * running lifecycle per plan is kept by the engine's integrity plugin.
 */
@Component("workPlanProposal")
class WorkPlanProposal implements ExecutionListener {

    private final WorkPlanProposals proposals;
    private final IdentityService identity;

    WorkPlanProposal(WorkPlanProposals proposals, IdentityService identity) {
        this.proposals = proposals;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput in = FormInput.of(execution);
        String existing = in.optional(REFERENCE);
        WorkPlanProposals.Proposal proposal = new WorkPlanProposals.Proposal(in.optional(AgreementVariables.REFERENCE), in.optional(PLAN_TITLE),
                in.optional(FIRST_YEAR), in.optional(LAST_YEAR), in.optional(THEME_LINES), in.optional(PREDECESSOR));
        in.throwIfInvalid();
        WorkPlanProposals.Proposed proposed = existing != null ? proposals.lifecycleOf(existing)
                : proposals.propose(proposal, Actor.current(identity));
        WorkPlan plan = proposed.plan();
        execution.setProcessBusinessKey(plan.reference());
        REFERENCE.set(execution, plan.reference());
        AgreementVariables.REFERENCE.set(execution, plan.agreementReference());
        NotificationVariables.PARTNER_ACRONYM.set(execution, plan.partnerAcronym());
        PARTNER_NAME.set(execution, proposed.partnerName());
        PLAN_TITLE.set(execution, plan.title());
        FIRST_YEAR.set(execution, plan.periodStartYear());
        LAST_YEAR.set(execution, plan.periodEndYear());
        PREDECESSOR.set(execution, plan.predecessorReference());
        HAS_PREDECESSOR.set(execution, plan.predecessorReference() != null);
        ACTIVITIES_TEXT.set(execution, proposed.activitiesText());
    }
}
