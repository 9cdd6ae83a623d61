package org.cms.partnerships.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task a title that says what it is about: "Decide on suspension · IWC ·
 * CMS-IWC-2000". The models keep short, readable names; the partner and reference are appended when
 * the task is created, from the variables every process carries. One place for all processes.
 */
@Component
public class TaskTitlePlugin extends AbstractProcessEnginePlugin {

    /** Variables naming what a task is about, in order of preference (a work plan before its agreement). */
    static final List<String> SUBJECT_VARIABLES = List.of("workPlanReference", "agreementReference", "endorsementSubjectReference");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, TaskTitlePlugin::appendSubject);
            }
        });
    }

    static void appendSubject(DelegateTask task) {
        // One task per consulted secretariat: say which.
        Object secretariat = task.getVariable("consultedSecretariat");
        if (secretariat != null) {
            task.setName(task.getName() + " (" + secretariat + ")");
        }
        Object partner = task.getVariable("partnerAcronym");
        for (String variable : SUBJECT_VARIABLES) {
            Object subject = task.getVariable(variable);
            if (subject != null) {
                task.setName(task.getName() + " · " + (partner != null ? partner + " · " : "") + subject);
                return;
            }
        }
    }
}
