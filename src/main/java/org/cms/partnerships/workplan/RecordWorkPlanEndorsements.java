package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Both bodies have spoken (end of "Endorsement by both bodies"): their decisions go on the plan. */
@Component("recordWorkPlanEndorsements")
class RecordWorkPlanEndorsements implements ExecutionListener {

    private final WorkPlanService workPlans;

    RecordWorkPlanEndorsements(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    @Override
    public void notify(DelegateExecution execution) {
        BOTH_ENDORSED.set(execution, workPlans.recordEndorsements(REFERENCE.from(execution),
                CMS_DECISION.from(execution), PARTNER_BODY_DECISION.from(execution)));
    }
}
