package org.cms.partnerships.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.cms.partnerships.engine.variables.ProcessVariable;

/**
 * The conventions the models and the code share, checked statically (no engine needed):
 * <ul>
 *   <li>a status declared on a stage ({@code agreementStatus}, {@code workPlanStatus}) is one the register knows;</li>
 *   <li>every variable a sequence-flow condition reads has a typed descriptor, and every value it compares a
 *       decision with is a constant of that decision's enum; the same for DMN outputs and form options;</li>
 *   <li>a user task checks its own input, synchronously: a form with input fields has a complete task listener,
 *       and no user task is asynchronous after (no transaction boundary between a form and its check);</li>
 *   <li>one descriptor per variable.</li>
 * </ul>
 */
final class ModelConventions {

    /** {@code name == 'VALUE'}, {@code name != 'VALUE'}, {@code 'VALUE' == name}, {@code name.equals('VALUE')}. */
    private static final Pattern COMPARISON = Pattern.compile(
            "([A-Za-z_][\\w.]*)\\s*(?:==|!=|\\.equals\\()\\s*['\"]([^'\"]*)['\"]|['\"]([^'\"]*)['\"]\\s*(?:==|!=)\\s*([A-Za-z_][\\w.]*)");
    /** A bare variable in an expression: {@code ${consultFamily}}, {@code ${not withdrawn}}. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.'\"])([a-z][A-Za-z0-9]*)(?![\\w(])");
    private static final Set<String> EXPRESSION_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "empty", "execution", "task", "div", "mod", "instanceof");
    private static final Set<String> INPUT_COMPONENTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
            "radio", "select", "datetime", "taglist");

    private final VariableDescriptors descriptors;
    private final Map<String, Set<String>> statusesByProperty;
    private final java.util.LinkedHashSet<String> problems = new java.util.LinkedHashSet<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> forms = new HashMap<>();

    ModelConventions(VariableDescriptors descriptors, Map<String, Set<String>> statusesByProperty) {
        this.descriptors = descriptors;
        this.statusesByProperty = statusesByProperty;
    }

    ModelConventions checkAll(Path processes, Path forms) throws IOException {
        for (Path form : ModelConsistency.files(forms, ".form")) {
            addForm(form.getFileName().toString(), Files.readString(form));
        }
        for (Path bpmn : ModelConsistency.files(processes, ".bpmn")) {
            checkBpmn(bpmn.getFileName().toString(), Bpmn.readModelFromFile(bpmn.toFile()));
        }
        for (Path dmn : ModelConsistency.files(processes, ".dmn")) {
            checkDmn(dmn.getFileName().toString(), Dmn.readModelFromFile(dmn.toFile()));
        }
        checkOneDescriptorPerVariable();
        return this;
    }

    void addForm(String file, String content) throws IOException {
        JsonNode form = json.readTree(content);
        forms.put(form.path("id").asText(), form);
        checkFormOptions(file, form.path("components"));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void checkBpmn(String file, BpmnModelInstance model) {
        for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
            Set<String> known = statusesByProperty.get(property.getCamundaName());
            if (known != null && !known.contains(property.getCamundaValue())) {
                problems.add("%s: %s of %s is '%s', which the register does not know".formatted(file,
                        property.getCamundaName(), owner(property), property.getCamundaValue()));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            ConditionExpression condition = flow.getConditionExpression();
            if (condition != null) {
                checkExpression(file, "condition of " + flow.getId(), condition.getTextContent());
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.isCamundaAsyncAfter()) {
                problems.add("%s: user task %s is asynchronous after: its input would be checked in another transaction"
                        .formatted(file, task.getId()));
            }
            JsonNode form = forms.get(task.getCamundaFormRef());
            boolean hasInput = form != null && hasInput(form.path("components"));
            boolean checksOnComplete = task.getExtensionElements() != null && task.getExtensionElements()
                    .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                    .anyMatch(listener -> "complete".equals(listener.getCamundaEvent()));
            if (hasInput && !checksOnComplete) {
                problems.add("%s: user task %s has form input but no complete listener to check it".formatted(file, task.getId()));
            }
        }
    }

    void checkDmn(String file, DmnModelInstance model) {
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            for (Rule rule : table.getRules()) {
                List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
                    String text = entries.get(i).getTextContent().trim();
                    if (text.startsWith("\"") && text.endsWith("\"")) {
                        checkValue(file, "output " + outputs.get(i).getName() + " of rule " + rule.getId(),
                                outputs.get(i).getName(), text.substring(1, text.length() - 1));
                    }
                }
            }
        }
    }

    private void checkExpression(String file, String where, String expression) {
        Matcher comparison = COMPARISON.matcher(expression);
        while (comparison.find()) {
            String variable = comparison.group(1) != null ? comparison.group(1) : comparison.group(4);
            String value = comparison.group(1) != null ? comparison.group(2) : comparison.group(3);
            if (!variable.contains(".")) {
                checkValue(file, where, variable, value);
            }
        }
        String withoutStrings = expression.replaceAll("'[^']*'|\"[^\"]*\"", "''");
        Matcher name = NAME.matcher(withoutStrings);
        while (name.find()) {
            String variable = name.group(1);
            if (!EXPRESSION_WORDS.contains(variable) && descriptors.get(variable) == null) {
                problems.add("%s: %s reads variable %s, which has no typed descriptor".formatted(file, where, variable));
            }
        }
    }

    private void checkValue(String file, String where, String variableName, String value) {
        ProcessVariable<?> variable = descriptors.get(variableName);
        if (variable == null) {
            problems.add("%s: %s reads variable %s, which has no typed descriptor".formatted(file, where, variableName));
        } else if (variable.type().isEnum()) {
            List<String> constants = Arrays.stream(variable.type().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!constants.contains(value)) {
                problems.add("%s: %s compares %s with '%s', which is not one of %s".formatted(file, where,
                        variableName, value, constants));
            }
        }
    }

    private void checkFormOptions(String file, JsonNode components) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            ProcessVariable<?> variable = descriptors.get(key);
            if (variable != null && variable.type().isEnum() && component.path("values").isArray()) {
                for (JsonNode option : component.path("values")) {
                    checkValue(file, "option of field " + key, key, option.path("value").asText());
                }
            }
            checkFormOptions(file, component.path("components"));
        }
    }

    private static boolean hasInput(JsonNode components) {
        for (JsonNode component : components) {
            boolean editable = !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
            if (INPUT_COMPONENTS.contains(component.path("type").asText()) && editable) {
                return true;
            }
            if (hasInput(component.path("components"))) {
                return true;
            }
        }
        return false;
    }

    private void checkOneDescriptorPerVariable() {
        descriptors.all().forEach((name, declared) -> {
            if (declared.size() > 1) {
                problems.add("variable %s has %d descriptors: %s".formatted(name, declared.size(),
                        declared.stream().map(VariableDescriptors.Declared::owner).collect(Collectors.joining(", "))));
            }
        });
    }

    private static String owner(CamundaProperty property) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = property.getParentElement();
        while (parent != null && !(parent instanceof BaseElement element && element.getId() != null
                && !(parent instanceof org.camunda.bpm.model.bpmn.instance.ExtensionElements))) {
            parent = parent.getParentElement();
        }
        return parent == null ? "?" : ((BaseElement) parent).getId();
    }
}
