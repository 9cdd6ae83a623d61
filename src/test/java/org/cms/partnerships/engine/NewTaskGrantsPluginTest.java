package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: the grants on a task created by a process, and on a task given another candidate afterwards,
 * are the ones Camunda's own provider makes (the same groups, types, resources and permissions), with
 * the provider of {@link NewTaskGrantsPlugin} in place; checked side by side with Camunda's default.
 */
@CmsIntegrationTest
class NewTaskGrantsPluginTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;

    @Test
    void aNewTasksGrantsAreTheSameAsCamundasOwnProviderMakes() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ResourceAuthorizationProvider ours = configuration.getResourceAuthorizationProvider();
        assertThat(ours).isInstanceOf(NewTaskGrantsPlugin.NewTaskGrants.class);
        engine.getRepositoryService().createDeployment().addModelInstance("grants-probe.bpmn",
                Bpmn.createExecutableProcess("grants-probe").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("userTask_wait").camundaCandidateGroups(Groups.PARTNERSHIP_OFFICERS + "," + Groups.LEGAL_OFFICERS)
                        .camundaCandidateUsers("oliver").endEvent().done()).deploy();

        List<String> withOurs = grantsOfANewTask();
        List<String> withCamundas;
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider());
        try {
            withCamundas = grantsOfANewTask();
        } finally {
            configuration.setResourceAuthorizationProvider(ours);
        }

        assertThat(withOurs).hasSize(3 + 4).isEqualTo(withCamundas);
        assertThat(withOurs).anyMatch(grant -> grant.startsWith("group " + Groups.LEGAL_OFFICERS + " "));
    }

    /** A new task's grants, then with a candidate group added and a second link of the same group: normalized text. */
    private List<String> grantsOfANewTask() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("grants-probe");
        Task task = driver.task(instance, "userTask_wait");
        List<String> atCreation = grants(task);
        engine.getTaskService().addCandidateGroup(task.getId(), Groups.MANAGERS);
        engine.getTaskService().addGroupIdentityLink(task.getId(), Groups.LEGAL_OFFICERS, "reviewer");
        List<String> later = grants(task);
        assertThat(later).hasSize(atCreation.size() + 1);
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over", true, true);
        return java.util.stream.Stream.concat(atCreation.stream(), later.stream().map(grant -> "later: " + grant)).toList();
    }

    private List<String> grants(Task task) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).list().stream()
                .map(a -> (a.getGroupId() != null ? "group " + a.getGroupId() : "user " + a.getUserId())
                        + " type " + a.getAuthorizationType() + " " + permissions(a))
                .sorted().toList();
    }

    /** The permission bits as stored (READ, UPDATE, TASK_WORK ... in one number). */
    private static String permissions(Authorization grant) {
        return "permissions " + ((AuthorizationEntity) grant).getPermissions();
    }
}
