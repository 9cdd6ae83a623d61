package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An e-mail step holds exactly one connection of the application's pool: the pool is shrunk here to ONE
 * connection (with a 2-second wait for it), and an e-mail job still runs, its log lines committed on
 * their own. Were the log to take a second connection of that pool (as the REQUIRES_NEW write once
 * did: ten jobs each held one and waited for another, {@code active=10, waiting=14}), the job would
 * wait for itself and fail.
 */
@CmsIntegrationTest
class OneConnectionPerJobTest {

    @Autowired DataSource dataSource;
    @Autowired ProcessEngine engine;
    @Autowired NotificationLog notificationLog;

    @Test
    void anEmailJobRunsOnASingleConnectionOfTheApplicationsPool() {
        HikariConfigMXBean pool = ((HikariDataSource) dataSource).getHikariConfigMXBean();
        int maximum = pool.getMaximumPoolSize();
        int minimumIdle = pool.getMinimumIdle();
        long timeout = pool.getConnectionTimeout();
        BpmnModelInstance model = Bpmn.createExecutableProcess("one-connection-probe").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("serviceTask_notifyStaff").camundaAsyncBefore().camundaDelegateExpression("${notifyStaff}")
                .camundaInputParameter(NotificationVariables.TEMPLATE.name(), "review-notice")
                .camundaInputParameter(NotificationVariables.SUBJECT_REFERENCE.name(), "CMS-ONE-CONNECTION")
                .camundaInputParameter(NotificationVariables.USERS.name(), "oliver,amina")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("one-connection-probe.bpmn", model).deploy();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("one-connection-probe");
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        try {
            pool.setMinimumIdle(1);
            pool.setMaximumPoolSize(1);
            pool.setConnectionTimeout(2000);
            ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();

            engine.getManagementService().executeJob(job.getId());
        } finally {
            pool.setMaximumPoolSize(maximum);
            pool.setMinimumIdle(minimumIdle);
            pool.setConnectionTimeout(timeout);
        }

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("the e-mail step ran and the process ended").isZero();
        List<Notification> logged = notificationLog.search("CMS-ONE-CONNECTION", null, "review-notice", 10);
        assertThat(logged).extracting(Notification::recipientEmail)
                .containsExactlyInAnyOrder("oliver@cms.example.org", "amina@cms.example.org");
        assertThat(logged).extracting(Notification::status).containsOnly(NotificationStatus.RENDERED);
    }
}
