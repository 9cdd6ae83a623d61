package org.cms.partnerships.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task a title that says what it is about: "Decide on suspension · IWC ·
 * CMS-IWC-2000". The models keep short, readable names; the subject is appended when the task is
 * created, by the first {@link RecordIdentity} that recognises the task's process. One place for all
 * processes.
 */
@Component
public class TaskTitlePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<RecordIdentity> identities;
    private volatile List<RecordIdentity> ordered;

    public TaskTitlePlugin(ObjectProvider<RecordIdentity> identities) {
        this.identities = identities;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener appendSubject = this::appendSubject;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, appendSubject);
            }
        });
    }

    void appendSubject(DelegateTask task) {
        for (RecordIdentity identity : identities()) {
            Optional<String> subject = identity.taskSubject(task);
            if (subject.isPresent()) {
                task.setName(task.getName() + subject.get());
                return;
            }
        }
    }

    private List<RecordIdentity> identities() {
        List<RecordIdentity> known = ordered;
        if (known == null) {
            known = identities.orderedStream().sorted(Comparator.comparingInt(RecordIdentity::titleOrder)).toList();
            ordered = known;
        }
        return known;
    }
}
