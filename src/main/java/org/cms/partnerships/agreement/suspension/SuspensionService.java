package org.cms.partnerships.agreement.suspension;

import java.util.List;
import org.cms.partnerships.workplan.WorkPlanStops;
import org.springframework.stereotype.Service;

/**
 * What a suspension does besides the agreement's status (declared on the model): the implementation
 * of the agreement's joint work plans stops; a new plan needs the agreement back in force.
 */
@Service
public class SuspensionService {

    private final WorkPlanStops workPlanStops;

    public SuspensionService(WorkPlanStops workPlanStops) {
        this.workPlanStops = workPlanStops;
    }

    /** @return the references of the plans stopped */
    public List<String> stopJointWorkPlans(String agreementReference, SuspensionProcess.Grounds grounds, String by) {
        return workPlanStops.stopImplementation(agreementReference,
                "Agreement %s suspended (%s)".formatted(agreementReference, grounds), by);
    }
}
