package org.cms.partnerships.workplan;

import java.util.List;
import org.cms.partnerships.engine.RecordIdentity;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/** A joint-work-plan process works on one plan: fixed at start. */
@Component
class WorkPlanIdentity implements RecordIdentity {

    @Override
    public List<ProcessVariable<?>> variables() {
        return List.of(WorkPlanProcess.REFERENCE);
    }
}
