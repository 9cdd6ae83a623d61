package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: the guard reads only the string variables (a serialized object's byte array is no longer
 * read at every completed task) and refuses as before: a text longer than the engine keeps, at start
 * or at completion, with the hint for a plan's activities; never a serialized object, however long its
 * serialized form. (Checked against the guard before this change: the same refusals.)
 */
@CmsIntegrationTest
class TextLengthGuardPluginTest {

    private static final String TOO_LONG = "x".repeat(TextLengthGuardPlugin.MAX_TEXT + 1);
    private static final String LONGEST = "y".repeat(TextLengthGuardPlugin.MAX_TEXT);

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;

    @Test
    void aTextTooLongIsRefusedWhereverItIsSetAndObjectsBesideItAreNotTakenForText() {
        engine.getRepositoryService().createDeployment().addModelInstance("text-guard-probe.bpmn",
                Bpmn.createExecutableProcess("text-guard-probe").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("userTask_wait").userTask("userTask_second").endEvent().done()).deploy();
        // A list whose serialized form is far longer than a string may be: not a text, never refused.
        List<String> longList = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            longList.add("species-" + i + "-" + "z".repeat(20));
        }

        assertThat(driver.refusal(() -> engine.getRuntimeService().startProcessInstanceByKey("text-guard-probe",
                Map.of("note", TOO_LONG))).getMessage())
                .contains("'note' is 4001 characters long; at most 4000 fit. Shorten it");

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("text-guard-probe",
                Variables.createVariables().putValue("species", Variables.objectValue(longList)
                        .serializationDataFormat(Variables.SerializationDataFormats.JAVA).create()).putValue("note", LONGEST));
        Task first = driver.task(instance, "userTask_wait");

        assertThat(driver.refusal(() -> engine.getTaskService().complete(first.getId(), Map.of("comments", TOO_LONG))).getMessage())
                .contains("'comments' is 4001 characters long; at most 4000 fit. Shorten it");
        assertThat(driver.refusal(() -> engine.getTaskService().complete(first.getId(),
                Map.of(WorkPlanProcess.ACTIVITY_LINES.name(), TOO_LONG))).getMessage())
                .contains("'activitiesToAdd' is 4001 characters long; at most 4000 fit. Shorten it, or import the activities");

        engine.getTaskService().complete(first.getId(), Map.of("comments", LONGEST));
        Task second = driver.task(instance, "userTask_second");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "species")).isEqualTo(longList);
        engine.getTaskService().complete(second.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }
}
