package org.cms.partnerships.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.cms.partnerships.common.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Refuses text the engine cannot keep, with a clear message, before it fails in the database.
 * Camunda stores a string variable (and its history) in a 4000-character column, so a longer text
 * from a form or the REST API would otherwise end in a persistence error and a 500. Checked when a
 * user task is completed and when a process starts; long content belongs in the register (for a
 * plan's activities: the CSV or JSON import).
 */
@Component
public class TextLengthGuardPlugin extends AbstractProcessEnginePlugin {

    /** Characters the engine keeps of a string variable. */
    public static final int MAX_TEXT = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            // A built-in complete listener: it runs before the task's own listener reads the form
            // (the engine wraps the refusal; RefusalMapper answers 400 with the problem all the same).
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TextLengthGuardPlugin::check);
            }

            @Override
            public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
                startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, TextLengthGuardPlugin::check);
            }
        });
    }

    static void check(VariableScope scope) {
        List<String> problems = new ArrayList<>();
        texts(scope).forEach((name, text) -> {
            if (text.length() > MAX_TEXT) {
                problems.add("'%s' is %d characters long; at most %d fit. Shorten it%s".formatted(name,
                        text.length(), MAX_TEXT, name.startsWith("activities")
                                ? ", or import the activities as a CSV or JSON file (POST /api/work-plans/{reference}/activities)" : ""));
            }
        });
        InvalidInputException.throwIfAny(problems);
    }

    /**
     * The string variables the scope sees, by name, as {@code getVariablesTyped} has them (its own first,
     * then each parent's not yet seen). Only strings are read: a serialized object (a list, a decision result)
     * keeps its value in a byte array, and even its serialized form costs a round trip to read, at every
     * completed task; its type says it is no text without reading it.
     */
    private static Map<String, String> texts(VariableScope scope) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!(scope instanceof AbstractVariableScope own)) {
            VariableMap variables = scope.getVariablesTyped(false);
            for (String name : variables.keySet()) {
                if (variables.getValueTyped(name) instanceof StringValue value && value.getValue() != null) {
                    texts.put(name, value.getValue());
                }
            }
            return texts;
        }
        Set<String> seen = new HashSet<>();
        for (AbstractVariableScope level = own; level != null; level = level.getParentVariableScope()) {
            for (CoreVariableInstance variable : level.getVariableInstancesLocal()) {
                if (!seen.add(variable.getName()) || variable instanceof VariableInstanceEntity stored
                        && stored.getSerializer() != null && stored.getSerializer().getType() != ValueType.STRING) {
                    continue;
                }
                if (variable.getTypedValue(false) instanceof StringValue value && value.getValue() != null) {
                    texts.put(variable.getName(), value.getValue());
                }
            }
        }
        return texts;
    }
}
