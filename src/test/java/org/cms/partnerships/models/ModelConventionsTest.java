package org.cms.partnerships.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The models and the code speak the same language: statuses, decision values, input checks (no engine needed). */
class ModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    static VariableDescriptors descriptors;

    @BeforeAll
    static void scan() throws IOException {
        descriptors = VariableDescriptors.scan();
    }

    static Map<String, Set<String>> registerStatuses() {
        return Map.of("agreementStatus", names(AgreementStatus.values()), "workPlanStatus", names(WorkPlanStatus.values()),
                "copReportStatus", names(org.cms.partnerships.copreport.CopReportStatus.values()));
    }

    @Test
    void theModelsFollowTheConventions() throws IOException {
        assertThat(new ModelConventions(descriptors, registerStatuses()).checkAll(PROCESSES, FORMS).problems()).isEmpty();
    }

    @Test
    void everyStageOfTheAgreementLifecycleDeclaresItsStatusOnTheModel() {
        Set<String> declared = declared(Bpmn.readModelFromFile(PROCESSES.resolve("partnership-agreement.bpmn").toFile()),
                "agreementStatus");
        Set<AgreementStatus> stages = EnumSet.copyOf(AgreementStatus.IN_PREPARATION);
        stages.remove(AgreementStatus.PROPOSED); // recorded by the proposal itself, before the first stage
        // IN_FORCE is not a stage: signing puts the agreement in force (AgreementService.sign, with supersession).
        stages.addAll(Set.of(AgreementStatus.REJECTED, AgreementStatus.WITHDRAWN));
        assertThat(declared).containsAll(names(stages.toArray(AgreementStatus[]::new)));
    }

    @Test
    void theCheckCatchesAnUnknownStatusAWrongDecisionValueAnUntypedVariableAndAnUncheckedForm() throws IOException {
        ModelConventions check = new ModelConventions(descriptors, registerStatuses());
        check.addForm("probe.form", """
                {"id": "form_probe", "components": [{"type": "textfield", "key": "note", "label": "Note"}]}""");
        check.checkBpmn("probe.bpmn", Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="probe" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:userTask id="userTask_probe" camunda:formRef="form_probe" camunda:asyncAfter="true">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="agreementStatus" value="HALF_SIGNED" />
                      </camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:exclusiveGateway id="gateway_probe" />
                    <bpmn:endEvent id="end" />
                    <bpmn:sequenceFlow id="flow_maybe" sourceRef="gateway_probe" targetRef="end">
                      <bpmn:conditionExpression>${legalDecision == 'MAYBE' and mysteryFlag}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                  </bpmn:process>
                </bpmn:definitions>
                """.getBytes(StandardCharsets.UTF_8))));
        assertThat(check.problems()).anySatisfy(p -> assertThat(p)
                .isEqualTo("probe.bpmn: agreementStatus of userTask_probe is 'HALF_SIGNED', which the register does not know"))
                .anySatisfy(p -> assertThat(p).startsWith("probe.bpmn: condition of flow_maybe compares legalDecision with 'MAYBE', which is not one of"))
                .anySatisfy(p -> assertThat(p).isEqualTo("probe.bpmn: condition of flow_maybe reads variable mysteryFlag, which has no typed descriptor"))
                .anySatisfy(p -> assertThat(p).isEqualTo("probe.bpmn: user task userTask_probe is asynchronous after: its input would be checked in another transaction"))
                .anySatisfy(p -> assertThat(p).isEqualTo("probe.bpmn: user task userTask_probe has form input but no complete listener to check it"));
    }

    private static Set<String> declared(BpmnModelInstance model, String property) {
        return model.getModelElementsByType(CamundaProperty.class).stream()
                .filter(p -> property.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
