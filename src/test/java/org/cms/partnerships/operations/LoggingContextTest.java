package org.cms.partnerships.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cms.partnerships.common.ApiExceptionHandler;
import org.cms.partnerships.notification.NotificationService;
import org.cms.partnerships.notification.NotificationVariables;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** A log line says which agreement (business key) and which process instance it is about. */
@CmsIntegrationTest
class LoggingContextTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Value("${logging.pattern.level}") String levelPattern;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @AfterEach
    void detach() {
        logger(NotificationService.class).detachAppender(captured);
        logger(ApiExceptionHandler.class).detachAppender(captured);
    }

    @Test
    void aDelegatesLogLineCarriesTheBusinessKeyProcessInstanceAndActivity() {
        engine.getRepositoryService().createDeployment().addModelInstance("logging-probe.bpmn",
                Bpmn.createExecutableProcess("logging-probe").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("serviceTask_notifyStaff").camundaAsyncBefore().camundaDelegateExpression("${notifyStaff}")
                        .camundaInputParameter(NotificationVariables.TEMPLATE.name(), "review-notice")
                        .camundaInputParameter(NotificationVariables.SUBJECT_REFERENCE.name(), "CMS-LOGGING-2026")
                        .camundaInputParameter(NotificationVariables.USERS.name(), "oliver")
                        .endEvent().done()).deploy();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("logging-probe", "CMS-LOGGING-2026");
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        attach(NotificationService.class);

        engine.getManagementService().executeJob(job.getId());

        ILoggingEvent line = lineContaining("Notification review-notice for CMS-LOGGING-2026");
        assertThat(line.getMDCPropertyMap())
                .containsEntry("businessKey", "CMS-LOGGING-2026")
                .containsEntry("processInstanceId", instance.getId())
                .containsEntry("processDefinitionKey", "logging-probe")
                .containsEntry("activityId", "serviceTask_notifyStaff");
        assertThat(levelPattern).contains("%X{businessKey", "%X{processInstanceId");
    }

    @Test
    void aRegisterCallAboutOneAgreementLogsWithItsReference() {
        attach(ApiExceptionHandler.class);

        var answer = rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements/{reference}/withdrawal",
                java.util.Map.of("reason", "The partner no longer wishes to cooperate"), String.class, "cms-noaa-2013");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lineContaining("Refused with 409").getMDCPropertyMap()).containsEntry("businessKey", "CMS-NOAA-2013");
    }

    private ILoggingEvent lineContaining(String text) {
        List<ILoggingEvent> lines = List.copyOf(captured.list);
        return lines.stream().filter(e -> e.getFormattedMessage().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No log line with '%s' in %s".formatted(text,
                        lines.stream().map(ILoggingEvent::getFormattedMessage).toList())));
    }

    private void attach(Class<?> source) {
        captured.start();
        logger(source).addAppender(captured);
    }

    private static Logger logger(Class<?> source) {
        return (Logger) LoggerFactory.getLogger(source);
    }
}
