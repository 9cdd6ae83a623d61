package org.cms.partnerships.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.junit.jupiter.api.Test;

/**
 * The forms as an officer reads them, checked against the code that checks them: no regular expression
 * reaches a user (form-js shows a pattern as "Field must match pattern ^https?://.+"; the server checks
 * such fields and says what it wants in words), and every field the form's own check requires is marked
 * required in the form (the asterisk, and form-js says so before the server has to).
 */
class FormsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Path SOURCES = Path.of("src/main/java");

    /** {@code input.required(X)}, {@code input.text(X, n)}, {@code input.webAddress(X, true)}: a field the check requires. */
    private static final Pattern REQUIRED_CALL = Pattern.compile(
            "\\.(?:required|text)\\(\\s*([A-Za-z_][\\w.]*)|\\.webAddress\\(\\s*([A-Za-z_][\\w.]*)\\s*,\\s*true");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noFormShowsARegularExpressionToItsUser() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (Path form : ModelConsistency.files(FORMS, ".form")) {
            eachField(json.readTree(form.toFile()), field -> {
                if (field.path("validate").has("pattern")) {
                    patterns.add(form.getFileName() + ": " + field.path("key").asText());
                }
            });
        }
        assertThat(patterns).as("fields with a pattern (form-js shows it as a regular expression)").isEmpty();
    }

    @Test
    void everyFieldTheFormsOwnCheckRequiresIsMarkedRequiredInTheForm() throws IOException {
        Map<String, Path> formsById = new HashMap<>();
        for (Path form : ModelConsistency.files(FORMS, ".form")) {
            formsById.put(json.readTree(form.toFile()).path("id").asText(), form);
        }
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        for (Path bpmn : ModelConsistency.files(PROCESSES, ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                for (String bean : listeners(task, CamundaTaskListener.class, "complete")) {
                    checked += compare(task, task.getCamundaFormRef(), bean, formsById, unmarked);
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    for (String bean : listeners(start, CamundaExecutionListener.class, "start")) {
                        checked += compare(start, start.getCamundaFormRef(), bean, formsById, unmarked);
                    }
                }
            }
        }
        assertThat(checked).as("required fields found in the checks").isGreaterThan(40);
        assertThat(unmarked).isEmpty();
    }

    /** The signature form names the superseded agreement only when there is one: no empty "()". */
    @Test
    void theSignatureFormMentionsASupersededAgreementOnlyWhenThereIsOne() throws IOException {
        JsonNode form = json.readTree(FORMS.resolve("record-signature.form").toFile());
        List<JsonNode> texts = new ArrayList<>();
        form.path("components").forEach(c -> {
            if (c.path("text").asText().contains("{{" + AgreementProcess.SUPERSEDES.name() + "}}")) {
                texts.add(c);
            }
        });
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text.path("conditional").path("hide").asText())
                .isEqualTo("=" + AgreementProcess.SUPERSEDES.name() + " = null"));
    }

    /** {@code WorkPlanProposals.propose} requires a new plan's fields; the form shows them when no draft is named. */
    @Test
    void aNewWorkPlansFieldsAreRequiredWhenTheFormShowsThem() throws IOException {
        Map<String, JsonNode> fields = new HashMap<>();
        eachField(json.readTree(FORMS.resolve("propose-work-plan.form").toFile()), f -> fields.put(f.path("key").asText(), f));
        for (ProcessVariable<?> variable : List.of(AgreementVariables.REFERENCE, WorkPlanProcess.PLAN_TITLE,
                WorkPlanProcess.FIRST_YEAR, WorkPlanProcess.LAST_YEAR, WorkPlanProcess.THEME_LINES)) {
            JsonNode field = fields.get(variable.name());
            assertThat(field).as(variable.name()).isNotNull();
            assertThat(field.path("validate").path("required").asBoolean()).as(variable.name() + " required").isTrue();
            assertThat(field.path("conditional").path("hide").asText()).as(variable.name() + " hidden for a draft")
                    .contains(WorkPlanProcess.REFERENCE.name());
        }
    }

    /** Compares what the check {@code bean} requires with the form; returns how many fields it compared. */
    private int compare(BaseElement element, String formRef, String bean, Map<String, Path> formsById,
                        List<String> unmarked) throws IOException {
        Path form = formsById.get(formRef);
        if (form == null) {
            return 0;
        }
        Map<String, JsonNode> fields = new HashMap<>();
        eachField(json.readTree(form.toFile()), field -> fields.put(field.path("key").asText(), field));
        Set<String> required = requiredBy(bean);
        for (String name : required) {
            JsonNode field = fields.get(name);
            if (field == null) {
                unmarked.add("%s (%s): %s requires %s, which the form has no field for".formatted(
                        form.getFileName(), element.getId(), bean, name));
            } else if (!field.path("validate").path("required").asBoolean(false)) {
                unmarked.add("%s (%s): %s requires %s, which the form does not mark required".formatted(
                        form.getFileName(), element.getId(), bean, name));
            }
        }
        return required.size();
    }

    private static List<String> listeners(BaseElement element, Class<? extends org.camunda.bpm.model.xml.instance.ModelElementInstance> type,
                                          String event) {
        List<String> beans = new ArrayList<>();
        if (element.getExtensionElements() == null) {
            return beans;
        }
        element.getExtensionElements().getElementsQuery().filterByType(type).list().forEach(listener -> {
            String expression = listener.getAttributeValue("delegateExpression");
            if (event.equals(listener.getAttributeValue("event")) && expression != null) {
                beans.add(expression.replaceAll("[$#{}]", ""));
            }
        });
        return beans;
    }

    /** The variable names the listener class behind {@code bean} requires, read from its source. */
    private static Set<String> requiredBy(String bean) throws IOException {
        Path source = sourceOf(bean).orElseThrow(() -> new AssertionError("No class for the bean " + bean));
        String code = Files.readString(source);
        Set<String> names = new LinkedHashSet<>();
        Matcher call = REQUIRED_CALL.matcher(code);
        while (call.find()) {
            String constant = call.group(1) != null ? call.group(1) : call.group(2);
            variableName(constant, code, source).ifPresent(names::add);
        }
        if (code.contains("checks.agreement(")) {
            names.add(AgreementVariables.REFERENCE.name()); // AgreementChecks.agreement requires it
        }
        return names;
    }

    private static Optional<Path> sourceOf(String bean) throws IOException {
        String className = Character.toUpperCase(bean.charAt(0)) + bean.substring(1);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                if (code.contains("@Component(\"" + bean + "\")")
                        || (file.getFileName().toString().equals(className + ".java") && code.contains("@Component\n"))) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The name of the variable a constant stands for: {@code TITLE} through the static imports, or {@code Owner.TITLE}. */
    private static Optional<String> variableName(String constant, String code, Path source) {
        String field = constant.substring(constant.lastIndexOf('.') + 1);
        if (!field.matches("[A-Z][A-Z0-9_]*")) {
            return Optional.empty();
        }
        Set<String> owners = new TreeSet<>();
        String pkg = packageOf(code);
        if (constant.contains(".")) {
            String owner = constant.substring(0, constant.lastIndexOf('.'));
            Matcher imported = Pattern.compile("import\\s+([\\w.]+\\." + Pattern.quote(owner) + ");").matcher(code);
            owners.add(imported.find() ? imported.group(1) : owner.contains(".") ? owner : pkg + "." + owner);
        } else {
            Matcher wildcard = Pattern.compile("import\\s+static\\s+([\\w.]+)\\.\\*;").matcher(code);
            while (wildcard.find()) {
                owners.add(wildcard.group(1));
            }
            Matcher single = Pattern.compile("import\\s+static\\s+([\\w.]+)\\." + field + ";").matcher(code);
            while (single.find()) {
                owners.add(single.group(1));
            }
        }
        for (String owner : owners) {
            try {
                Field declared = Class.forName(owner).getField(field);
                if (declared.get(null) instanceof ProcessVariable<?> variable) {
                    return Optional.of(variable.name());
                }
            } catch (ReflectiveOperationException e) {
                // not declared in this owner
            }
        }
        throw new AssertionError("%s: cannot tell which variable %s is".formatted(source, constant));
    }

    private static String packageOf(String code) {
        Matcher pkg = Pattern.compile("package\\s+([\\w.]+);").matcher(code);
        return pkg.find() ? pkg.group(1) : "";
    }

    private static void eachField(JsonNode node, Consumer<JsonNode> action) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                action.accept(component);
            }
            eachField(component, action);
        }
    }
}
