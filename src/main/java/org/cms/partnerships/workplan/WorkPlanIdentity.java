package org.cms.partnerships.workplan;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.engine.RecordIdentity;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.notification.NotificationVariables;
import org.springframework.stereotype.Component;

/** A joint-work-plan process works on one plan: fixed at start; its tasks are named after the plan. */
@Component
class WorkPlanIdentity implements RecordIdentity {

    @Override
    public List<ProcessVariable<?>> variables() {
        return List.of(WorkPlanProcess.REFERENCE);
    }

    @Override
    public Optional<String> taskSubject(VariableScope scope) {
        return WorkPlanProcess.REFERENCE.optionalFrom(scope).map(plan ->
                NotificationVariables.PARTNER_ACRONYM.optionalFrom(scope).map(p -> " · " + p).orElse("") + " · " + plan);
    }

    @Override
    public int titleOrder() {
        return 10;
    }
}
