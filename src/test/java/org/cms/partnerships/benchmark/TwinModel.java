package org.cms.partnerships.benchmark;

import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The same-shape twin of a real model, read from processes/ at run time: every flow node, flow,
 * gateway condition, timer, multi-instance and wait state kept; every delegate, decision, listener
 * and expression-bound bean removed, so that the engine alone does the work. Service-like tasks
 * (service, send, business rule, script) become {@code ${true}} expressions; a candidate group given
 * by a bean becomes a fixed group. Conditions and timers then read variables the benchmark sets.
 */
final class TwinModel {

    static final String NS = BpmnModelConstants.CAMUNDA_NS;
    static final String FIXED_GROUP = "cms-family";
    private static final List<String> BINDINGS = List.of("class", "delegateExpression", "expression", "decisionRef",
            "decisionRefBinding", "decisionRefVersion", "resultVariable", "mapDecisionResult", "type", "topic");

    final BpmnModelInstance model;
    int tasksMadeNoOp;
    int listenersRemoved;
    int groupsFixed;

    TwinModel(File bpmn) {
        model = Bpmn.readModelFromFile(bpmn);
        for (Task task : model.getModelElementsByType(Task.class)) {
            if (task instanceof ServiceTask || task instanceof SendTask || task instanceof BusinessRuleTask
                    || task instanceof ScriptTask) {
                BINDINGS.forEach(attribute -> task.removeAttributeNs(NS, attribute));
                task.setAttributeValueNs(NS, "expression", "${true}");
                tasksMadeNoOp++;
            }
            if (task instanceof UserTask user && user.getCamundaCandidateGroups() != null
                    && user.getCamundaCandidateGroups().contains("{")) {
                user.setCamundaCandidateGroups(FIXED_GROUP);
                groupsFixed++;
            }
        }
        listenersRemoved += remove(CamundaTaskListener.class) + remove(CamundaExecutionListener.class);
        remove(CamundaField.class);
        Bpmn.validateModel(model);
    }

    private int remove(Class<? extends ModelElementInstance> type) {
        var found = List.copyOf(model.getModelElementsByType(type));
        found.forEach(element -> element.getParentElement().removeChildElement(element));
        return found.size();
    }

    String summary() {
        return "%d service-like tasks made no-op, %d listeners removed, %d bean-given candidate groups fixed"
                .formatted(tasksMadeNoOp, listenersRemoved, groupsFixed);
    }
}
