package org.cms.partnerships.workplan;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the joint work plans and their coded activities. */
@RestController
@RequestMapping("/api/work-plans")
public class WorkPlanApi {

    private final WorkPlanService workPlans;

    public WorkPlanApi(WorkPlanService workPlans) {
        this.workPlans = workPlans;
    }

    public record WorkPlanDetail(WorkPlan workPlan, List<WorkPlanActivity> activities) {
    }

    @GetMapping
    public List<WorkPlan> list() {
        return workPlans.all();
    }

    @GetMapping("/{reference}")
    public WorkPlanDetail get(@PathVariable String reference) {
        return new WorkPlanDetail(workPlans.get(reference), workPlans.activities(reference));
    }
}
