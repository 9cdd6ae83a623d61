package org.cms.partnerships.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * Keeps every process on its own records, for all processes at once (see {@link RunningProcesses}):
 * <ul>
 *   <li>as a process's start event completes, its business key is taken (a second instance for the
 *       same key is refused with 409) and the variables naming its records are sealed;</li>
 *   <li>before a user task's own complete listener reads the form, and before every step, the sealed
 *       variables are compared: a form or REST call that tries to point the process at another
 *       agreement is refused (400) and nothing is written;</li>
 *   <li>when the instance ends or is cancelled, the key is free again.</li>
 * </ul>
 * The listeners are built-in ones: Cockpit's "skip custom listeners" does not skip them, and they run
 * before the listeners the models declare.
 */
@Component
public class ProcessIntegrityPlugin extends AbstractProcessEnginePlugin {

    /** Looked up when first used: the plugin exists before the beans the register needs. */
    private final ObjectProvider<RunningProcesses> runningProcesses;

    public ProcessIntegrityPlugin(ObjectProvider<RunningProcesses> runningProcesses) {
        this.runningProcesses = runningProcesses;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener started = execution -> processes().started(execution);
        ExecutionListener verify = execution -> processes().verify(execution);
        ExecutionListener ended = execution -> processes().release(execution.getProcessInstanceId());
        TaskListener verifyTask = task -> {
            stillWaitingAt(task);
            processes().verify(task.getExecution());
        };

        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity process) {
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
                String exclusiveKey = extensionProperty(processElement, EXCLUSIVE_KEY_PROPERTY);
                if (exclusiveKey != null) {
                    process.setProperty(EXCLUSIVE_KEY_PROPERTY,
                            configuration.getExpressionManager().createExpression(exclusiveKey));
                }
            }

            @Override
            public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
                if (scope instanceof org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) {
                    startEvent.addBuiltInListener(ExecutionListener.EVENTNAME_END, started);
                } else {
                    startEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, verify);
                }
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                guard(activity);
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, verifyTask);
            }

            @Override public void parseServiceTask(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseSendTask(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseScriptTask(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseBusinessRuleTask(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseCallActivity(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseSubProcess(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseExclusiveGateway(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseParallelGateway(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseInclusiveGateway(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseIntermediateThrowEvent(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseIntermediateCatchEvent(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseBoundaryEvent(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }
            @Override public void parseEndEvent(Element e, ScopeImpl s, ActivityImpl a) { guard(a); }

            private void guard(ActivityImpl activity) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, verify);
            }
        });
    }

    /**
     * Process-level extension property: what may run only once at a time, when it is not the business
     * key itself, e.g. {@code ${agreementReference}} for "one review of an agreement at a time" while
     * each review's business key carries its date.
     */
    public static final String EXCLUSIVE_KEY_PROPERTY = "exclusiveKey";

    private static String extensionProperty(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")
                .stream().filter(p -> name.equals(p.attribute("name"))).map(p -> p.attribute("value")).findFirst()
                .orElse(null);
    }

    /**
     * Two completions of one task at once: the one that loses may read the task before the winner commits and
     * the task's execution after it, by then waiting at the next task. Completing would walk the process on
     * from there (a gateway after a task nobody completed, then an expression's error, a 500). Refused as the
     * lost race it is, before any listener of the model reads the form or writes the register.
     */
    static void stillWaitingAt(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution != null && !task.getTaskDefinitionKey().equals(execution.getCurrentActivityId())) {
            throw new OptimisticLockingException("Task " + task.getId() + " (" + task.getTaskDefinitionKey()
                    + ") was completed meanwhile: its execution is at " + execution.getCurrentActivityId());
        }
    }

    private RunningProcesses processes() {
        return runningProcesses.getObject();
    }

}
