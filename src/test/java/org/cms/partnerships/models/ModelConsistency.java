package org.cms.partnerships.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * Checks the models a user and a maintainer rely on: every flow node drawn, every user task with a
 * group and a form that exists, every service task implemented, every called process present.
 * Returns problems as readable lines; the test fails the build on any.
 */
final class ModelConsistency {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, BpmnModelInstance> models = new TreeMap<>();
    private final Set<String> formIds = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    static ModelConsistency of(Path processes, Path forms) throws IOException {
        ModelConsistency check = new ModelConsistency();
        for (Path form : files(forms, ".form")) {
            check.addForm(form.getFileName().toString(), Files.readString(form));
        }
        for (Path bpmn : files(processes, ".bpmn")) {
            try (InputStream in = Files.newInputStream(bpmn)) {
                check.addModel(bpmn.getFileName().toString(), in);
            }
        }
        return check;
    }

    static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    void addForm(String name, String content) throws IOException {
        JsonNode form = json.readTree(content);
        String id = form.path("id").asText("");
        if (id.isEmpty()) {
            problems.add(name + ": form has no id");
        } else if (!formIds.add(id)) {
            problems.add(name + ": form id " + id + " is used twice");
        }
        if (!form.path("components").isArray() || form.path("components").isEmpty()) {
            problems.add(name + ": form has no components");
        }
        // Tasklist's form-js evaluates conditions with a FEEL dialect without "is defined": such a
        // condition fails and the field shows. An undefined variable is simply null there.
        if (content.contains("is defined(")) {
            problems.add(name + ": uses \"is defined(\" in a condition, which Tasklist cannot evaluate; compare with null");
        }
    }

    void addModel(String name, String xml) {
        addModel(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    void addModel(String name, InputStream in) {
        models.put(name, Bpmn.readModelFromStream(in));
    }

    List<String> problems() {
        Set<String> processIds = models.values().stream()
                .flatMap(m -> m.getModelElementsByType(Process.class).stream()).map(Process::getId)
                .collect(Collectors.toSet());
        List<String> found = new ArrayList<>(problems);
        models.forEach((name, model) -> found.addAll(check(name, model, processIds)));
        return found;
    }

    private List<String> check(String name, BpmnModelInstance model, Set<String> processIds) {
        List<String> found = new ArrayList<>();
        Set<String> shapes = ids(model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement() == null ? null : s.getBpmnElement().getId()).toList());
        Set<String> edges = ids(model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement() == null ? null : e.getBpmnElement().getId()).toList());
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                found.add(name + ": process " + process.getId() + " has no historyTimeToLive");
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                found.add(name + ": " + node.getElementType().getTypeName() + " " + node.getId() + " has no diagram shape");
            }
            if (node.getName() == null || node.getName().isBlank()) {
                if (node instanceof UserTask || node instanceof ServiceTask || node instanceof CallActivity) {
                    found.add(name + ": " + node.getId() + " has no name");
                }
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                found.add(name + ": sequence flow " + flow.getId() + " has no diagram edge");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null
                    && task.getCamundaCandidateUsers() == null) {
                found.add(name + ": user task " + task.getId() + " names no candidate group");
            }
            String formRef = task.getCamundaFormRef();
            if (formRef == null) {
                found.add(name + ": user task " + task.getId() + " has no form (camunda:formRef)");
            } else if (!formRef.contains("${") && !formIds.contains(formRef)) {
                found.add(name + ": user task " + task.getId() + " refers to missing form " + formRef);
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getCamundaDelegateExpression() == null && task.getCamundaClass() == null
                    && task.getCamundaExpression() == null && task.getCamundaType() == null) {
                found.add(name + ": service task " + task.getId() + " has no implementation");
            }
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            if (task.getCamundaDelegateExpression() == null && task.getCamundaClass() == null
                    && task.getCamundaExpression() == null) {
                found.add(name + ": send task " + task.getId() + " has no implementation");
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (task.getCamundaDecisionRef() == null && task.getCamundaDelegateExpression() == null) {
                found.add(name + ": business rule task " + task.getId() + " has no decision");
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if (!processIds.contains(call.getCalledElement())) {
                found.add(name + ": call activity " + call.getId() + " calls missing process " + call.getCalledElement());
            }
        }
        return found;
    }

    private static Set<String> ids(Collection<String> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
