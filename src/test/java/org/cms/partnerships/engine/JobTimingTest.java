package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an operator expects of jobs after a crash and after an incident (README "Operations"). */
@CmsIntegrationTest
class JobTimingTest {

    @Autowired ProcessEngine engine;
    @Autowired CamundaBpmProperties camunda;

    @Test
    void aJobRetriedAfterAnIncidentIsDueAtOnceNotAtItsOldDueDate() {
        engine.getRepositoryService().createDeployment().addModelInstance("retry-probe.bpmn",
                Bpmn.createExecutableProcess("retry-probe").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("serviceTask_fails").camundaAsyncBefore().camundaExpression("${noSuchBean.run()}")
                        .endEvent().done()).deploy();
        String instanceId = engine.getRuntimeService().startProcessInstanceByKey("retry-probe").getId();
        ManagementService management = engine.getManagementService();
        Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();
        while (management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count()).isEqualTo(1);
        // The last attempt's due date, as a retry interval leaves it: five minutes ahead.
        management.setJobDuedate(job.getId(), new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));

        management.setJobRetries(job.getId(), 1);

        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate())
                .isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        assertThat(management.createJobQuery().executable().jobId(job.getId()).count()).as("due now").isEqualTo(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count()).isZero();
        engine.getRuntimeService().deleteProcessInstance(instanceId, "probe done");
    }

    /** The tests run without a job executor; the running application's is configured from these. */
    @Test
    void aDeadNodesJobsAreTakenOverWithinAMinuteAndAnIdleNodeLooksForDueJobsEveryTenSeconds() {
        assertThat(camunda.getJobExecution().getLockTimeInMillis()).isEqualTo(60_000);
        assertThat(camunda.getJobExecution().getMaxWait()).isEqualTo(10_000);
    }
}
