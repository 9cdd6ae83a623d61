package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.notification.NotificationVariables;
import org.springframework.stereotype.Component;

/** A round of the partner's comments, kept on the plan; the form is empty for the next round. */
@Component("recordWorkPlanComments")
class RecordPartnerComments implements TaskListener {

    private final WorkPlanService workPlans;
    private final IdentityService identity;

    RecordPartnerComments(WorkPlanService workPlans, IdentityService identity) {
        this.workPlans = workPlans;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String comments = in.text(PARTNER_COMMENTS, 3);
        in.throwIfInvalid();
        workPlans.addComment(REFERENCE.from(task), "CONSULTATION", NotificationVariables.PARTNER_ACRONYM.orNull(task), Actor.current(identity), comments);
        PARTNER_COMMENTS.set(task, null);
    }
}
