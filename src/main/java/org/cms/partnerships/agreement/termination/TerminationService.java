package org.cms.partnerships.agreement.termination;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.workplan.WorkPlanStops;
import org.springframework.stereotype.Service;

/**
 * What a termination does besides the agreement's status (declared on the model): what was still
 * running for the agreement (reviews, renewals, amendments, suspensions) ends with the reason, and its
 * joint work plans stop. In one transaction with the Executive Secretary's decision.
 */
@Service
public class TerminationService {

    private final RuntimeService runtime;
    private final WorkPlanStops workPlanStops;

    public TerminationService(RuntimeService runtime, WorkPlanStops workPlanStops) {
        this.runtime = runtime;
        this.workPlanStops = workPlanStops;
    }

    public record Ended(List<String> processes, List<String> workPlans) {
    }

    public Ended endWhatFollows(String reference, String by) {
        String ending = "Agreement " + reference + " terminated";
        List<String> ended = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKeyIn(TerminationProcess.FOLLOWING_PROCESSES.toArray(String[]::new))
                .processInstanceBusinessKeyLike(reference + "%").list()) {
            String key = instance.getBusinessKey();
            if (key.equals(reference) || key.startsWith(reference + "/")) {
                runtime.deleteProcessInstance(instance.getId(), ending, true, true);
                ended.add(key);
            }
        }
        return new Ended(ended, workPlanStops.stopAll(reference, ending, by));
    }
}
