package org.cms.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Asserts that the tests walked every flow node of a process, from the engine's own history of the
 * deployed definition. The coverage library draws the HTML report; this makes 100% a hard check.
 */
public final class FlowNodeCoverage {

    private FlowNodeCoverage() {
    }

    public static void assertEveryFlowNodeVisited(ProcessEngine engine, String processKey) {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> visited = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processDefinitionId(definition.getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        nodes.removeAll(visited);
        assertThat(nodes).as("flow nodes of %s no test reached", processKey).isEmpty();
    }
}
