package org.cms.partnerships.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What is in processes/ and forms/ deploys, and is fit for Modeler, Cockpit and Tasklist. */
@CmsIntegrationTest
class ModelsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    @Autowired RepositoryService repository;

    @Test
    void everyModelAndFormIsDeployed() throws IOException {
        Set<String> deployed = repository.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .flatMap(id -> repository.getDeploymentResourceNames(id).stream())
                .map(resource -> Path.of(resource).getFileName().toString())
                .collect(Collectors.toSet());
        List<String> files = java.util.stream.Stream.concat(
                        ModelConsistency.files(PROCESSES, ".bpmn").stream(),
                        java.util.stream.Stream.concat(ModelConsistency.files(PROCESSES, ".dmn").stream(),
                                ModelConsistency.files(FORMS, ".form").stream()))
                .map(p -> p.getFileName().toString()).toList();
        assertThat(files).isNotEmpty();
        assertThat(deployed).containsAll(files);
    }

    @Test
    void everyModelIsConsistent() throws IOException {
        assertThat(ModelConsistency.of(PROCESSES, FORMS).problems()).isEmpty();
    }

    @Test
    void theCheckCatchesAUserTaskWithoutFormOrGroupAndAnUndrawnElement() throws IOException {
        ModelConsistency check = new ModelConsistency();
        check.addForm("empty.form", "{\"id\": \"form_empty\", \"components\": []}");
        check.addForm("conditional.form", "{\"id\": \"form_conditional\", \"components\": [{\"type\": \"textarea\","
                + " \"key\": \"note\", \"conditional\": {\"hide\": \"=is defined(note) = false\"}}]}");
        check.addModel("broken.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:userTask id="userTask_orphan" name="Orphan" />
                    <bpmn:userTask id="userTask_missingForm" name="Missing form" camunda:candidateGroups="managers"
                        camunda:formRef="form_nowhere" />
                    <bpmn:serviceTask id="serviceTask_nothing" name="Nothing" />
                    <bpmn:callActivity id="callActivity_ghost" name="Ghost" calledElement="ghost-process" />
                    <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="userTask_orphan" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        assertThat(check.problems()).contains(
                "empty.form: form has no components",
                "conditional.form: uses \"is defined(\" in a condition, which Tasklist cannot evaluate; compare with null",
                "broken.bpmn: process broken has no historyTimeToLive",
                "broken.bpmn: startEvent start has no diagram shape",
                "broken.bpmn: sequence flow flow_1 has no diagram edge",
                "broken.bpmn: user task userTask_orphan names no candidate group",
                "broken.bpmn: user task userTask_orphan has no form (camunda:formRef)",
                "broken.bpmn: user task userTask_missingForm refers to missing form form_nowhere",
                "broken.bpmn: service task serviceTask_nothing has no implementation",
                "broken.bpmn: call activity callActivity_ghost calls missing process ghost-process");
    }
}
