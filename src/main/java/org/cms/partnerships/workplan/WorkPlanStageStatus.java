package org.cms.partnerships.workplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.StageStatus;
import org.springframework.stereotype.Component;

/**
 * The plan's register status, declared on the stages of {@code joint-work-plan} as {@code workPlanStatus}
 * (applied by {@link org.cms.partnerships.engine.StageStatusPlugin}).
 */
@Component
class WorkPlanStageStatus implements StageStatus {

    static final String PROPERTY = "workPlanStatus";

    private final WorkPlanService workPlans;

    WorkPlanStageStatus(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    @Override
    public String property() {
        return PROPERTY;
    }

    @Override
    public void checkStatus(String status) {
        WorkPlanStatus.valueOf(status);
    }

    @Override
    public void enter(DelegateExecution execution, String status, String reason) {
        workPlans.changeStatus(WorkPlanProcess.REFERENCE.from(execution), WorkPlanStatus.valueOf(status),
                Actor.current(execution.getProcessEngineServices().getIdentityService()), reason);
    }
}
