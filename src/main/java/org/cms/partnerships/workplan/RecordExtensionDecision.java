package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** "Extend or close the plan" completed: the decision is checked and kept on the plan. */
@Component("recordExtensionDecision")
class RecordExtensionDecision implements TaskListener {

    private final WorkPlanService workPlans;
    private final IdentityService identity;

    RecordExtensionDecision(WorkPlanService workPlans, IdentityService identity) {
        this.workPlans = workPlans;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        ExtensionDecision decision = in.required(EXTENSION_DECISION);
        Integer newEndYear = in.optional(NEW_END_YEAR);
        String reason = in.optionalText(EXTENSION_REASON);
        in.throwIfInvalid();
        workPlans.recordExtensionDecision(REFERENCE.from(task), decision, newEndYear, reason, Actor.current(identity));
    }
}
