package org.cms.partnerships.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.notification.NotificationStatus;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every path of standing-committee-endorsement, started on its own as a calling process would, with
 * timers and e-mail jobs driven by hand and the clock moved to the meeting.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndorsementProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired EndorsementService endorsements;
    @Autowired AgreementService agreements;
    @Autowired NotificationLog notificationLog;
    @Autowired TestRestTemplate rest;

    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void deferredAtOneMeetingAndEndorsedAtTheNext() {
        ProcessInstance endorsement = start("CMS-CAFF-2012", "CMS_STANDING_COMMITTEE");
        assertThat(endorsement).isWaitingAt(TASK_SCHEDULE);
        assertThat(task()).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(task().getName()).isEqualTo("Schedule meeting or written procedure · CAFF · CMS-CAFF-2012");

        LocalDate meeting = today.plusDays(40);
        scheduleMeeting(endorsement, 38, meeting, "CMS/StC38/4-CAFF");
        assertThat(endorsement).isWaitingAt(TIMER_DOCUMENTS_DUE);
        assertThat(dueDate(job())).isEqualTo(meeting.minusDays(30));

        execute(job());
        assertThat(endorsement).isWaitingAt(SEND_DOCUMENTS);
        execute(job());
        assertThat(endorsement).isWaitingAt(TIMER_REMINDER_DUE);
        assertThat(dueDate(job())).isEqualTo(meeting.minusDays(7));

        List<Notification> documents = notificationLog.search("CMS-CAFF-2012", null, "endorsement-documents", 100);
        assertThat(documents).hasSize(17).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.RENDERED));

        execute(job());
        execute(job());
        assertThat(notificationLog.search("CMS-CAFF-2012", null, "endorsement-meeting-reminder", 100)).hasSize(17);
        assertThat(endorsement).isWaitingAt(TIMER_MEETING_DAY);
        assertThat(dueDate(job())).isEqualTo(meeting);
        execute(job());
        assertThat(endorsement).isWaitingAt(TASK_RECORD_MEETING_DECISION);

        moveClockTo(meeting);
        complete(task(endorsement), decision("DEFERRED", meeting, "Deferred pending consultation of AEWA"));
        assertThat(endorsement).hasPassed(RECORD_DEFERRAL).isWaitingAt(TASK_SCHEDULE);
        assertThat(engine.getRuntimeService().getVariable(endorsement.getId(), SCHEDULE_NOTE).toString())
                .contains("Deferred at the 38th meeting of the Standing Committee", "Deferred pending consultation of AEWA");
        assertThatThrownBy(() -> complete(task(endorsement), Map.of(MODE, "WRITTEN_PROCEDURE",
                OBJECTION_DEADLINE, meeting.plusDays(30).toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("goes to the next meeting, not to a written procedure");

        LocalDate nextMeeting = meeting.plusDays(180);
        scheduleMeeting(endorsement, 39, nextMeeting, "CMS/StC39/7-CAFF");
        reachMeetingDay(endorsement);
        moveClockTo(nextMeeting.plusDays(1));
        complete(task(endorsement), decision("ENDORSED", nextMeeting, "Endorsed as presented"));
        assertThat(endorsement).hasPassed(RECORD_DECISION).isWaitingAt(NOTIFY_DECISION);
        execute(job());

        assertThat(endorsement).hasPassed(END_DECIDED).isEnded();
        assertThat(endorsement).variables().containsEntry(DECISION, "ENDORSED")
                .containsEntry(DECISION_DATE, nextMeeting.toString()).containsEntry(DOCUMENT_NUMBER, "CMS/StC39/7-CAFF");
        assertThat(endorsements.forSubject("CMS-CAFF-2012")).extracting(Endorsement::decision)
                .containsExactly(Decision.DEFERRED, Decision.ENDORSED);
        assertThat(agreements.get("CMS-CAFF-2012").endorsementReference())
                .contains("CMS/StC38/4-CAFF, 38th meeting of the Standing Committee (" + meeting + "): DEFERRED")
                .contains("CMS/StC39/7-CAFF, 39th meeting of the Standing Committee (" + nextMeeting + "): ENDORSED");
        assertThat(notificationLog.search("CMS-CAFF-2012", null, "endorsement-documents", 100)).hasSize(34);
        assertThat(notificationLog.search("CMS-CAFF-2012", null, "endorsement-decision", 100)).hasSize(17);
    }

    @Test
    void membersReceiveTheDocumentInTheirOwnLanguage() {
        ProcessInstance endorsement = start("CMS-UNESCO-2002", "CMS_STANDING_COMMITTEE");
        scheduleMeeting(endorsement, 41, today.plusDays(60), "CMS/StC41/12-UNESCO");
        execute(job());
        execute(job());
        Map<String, Notification> byMember = new HashMap<>();
        notificationLog.search("CMS-UNESCO-2002", null, "endorsement-documents", 100)
                .forEach(n -> byMember.put(n.recipientName(), n));
        assertThat(byMember).hasSize(17);
        assertThat(byMember.get("Ingrid Solheim").subject())
                .isEqualTo("41st meeting of the CMS Standing Committee: CMS/StC41/12-UNESCO for endorsement");
        assertThat(byMember.get("Leïla Ben Salah").subject())
                .isEqualTo("41e réunion du Comité permanent de la CMS : CMS/StC41/12-UNESCO soumis pour approbation");
        assertThat(byMember.get("Leïla Ben Salah").body()).contains("Partenaire : United Nations Educational");
        assertThat(byMember.get("Carolina Vergara").subject())
                .isEqualTo("41ª reunión del Comité Permanente de la CMS: CMS/StC41/12-UNESCO para aprobación");
        assertThat(byMember.get("Carolina Vergara").body()).startsWith("Estimado/a Carolina Vergara:");
        assertThat(byMember.values()).extracting(n -> n.language().name()).containsOnly("EN", "FR", "ES");
        engine.getRuntimeService().deleteProcessInstance(endorsement.getId(), "test done");
    }

    @Test
    void endorsedWithAmendmentsAndNotEndorsedAreFinalDecisions() {
        for (String outcome : List.of("ENDORSED_WITH_AMENDMENTS", "NOT_ENDORSED")) {
            ProcessInstance endorsement = start("CMS-WCS-2007", "CMS_STANDING_COMMITTEE");
            LocalDate meeting = today.plusDays(35);
            scheduleMeeting(endorsement, 40, meeting, "CMS/StC40/" + outcome);
            reachMeetingDay(endorsement);
            moveClockTo(meeting);
            complete(task(endorsement), decision(outcome, meeting, "Decision " + outcome));
            execute(job());
            assertThat(endorsement).isEnded().variables().containsEntry(DECISION, outcome);
            assertThat(endorsement).hasNotPassed(RECORD_DEFERRAL);
            ClockUtil.reset();
        }
    }

    @Test
    void writtenProcedureWithoutObjectionIsEndorsedAtTheDeadline() {
        ProcessInstance endorsement = start("CMS-WDCS-2005", "CMS_STANDING_COMMITTEE");
        LocalDate deadline = today.plusDays(21);
        complete(task(endorsement), Map.of(MODE, "WRITTEN_PROCEDURE", OBJECTION_DEADLINE, deadline.toString(),
                DOCUMENT_NUMBER, "CMS/StC-WP/2026/1"));
        assertThat(endorsement).isWaitingAt(SEND_WRITTEN_PROCEDURE);
        execute(job());
        Notification french = notificationLog.search("CMS-WDCS-2005", null, "endorsement-written-procedure", 100).stream()
                .filter(n -> n.language().name().equals("FR")).findFirst().orElseThrow();
        assertThat(french.subject()).startsWith("Procédure écrite :");
        assertThat(endorsement).isWaitingAt(TASK_RECORD_OBJECTION);

        moveClockTo(deadline.plusDays(1));
        execute(engine.getManagementService().createJobQuery().processInstanceId(endorsement.getId()).timers().singleResult());
        assertThat(endorsement).hasPassed(DEADLINE_PASSED, CLOSE_WITHOUT_OBJECTION, RECORD_DECISION);
        execute(job());
        assertThat(endorsement).isEnded().variables().containsEntry(DECISION, "ENDORSED")
                .containsEntry(DECISION_DATE, deadline.toString());
        assertThat(endorsements.forSubject("CMS-WDCS-2005")).singleElement()
                .satisfies(e -> assertThat(e.decisionText()).isEqualTo("No objection received by " + deadline + " (written procedure)"));
    }

    @Test
    void anObjectionByRestDefersTheProposalToTheNextMeeting() {
        ProcessInstance endorsement = start("CMS-WI-1997", "CMS_STANDING_COMMITTEE");
        complete(task(endorsement), Map.of(MODE, "WRITTEN_PROCEDURE", OBJECTION_DEADLINE, today.plusDays(14).toString()));
        execute(job());
        long id = ((Number) engine.getRuntimeService().getVariable(endorsement.getId(), ENDORSEMENT_ID)).longValue();

        ResponseEntity<JsonNode> notAMember = object(id, "Somebody Else", "We disagree");
        assertThat(notAMember.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAMember.getBody().get("detail").asText())
                .isEqualTo("Somebody Else is not a serving member of the Standing Committee");

        ResponseEntity<JsonNode> accepted = object(id, "carolina vergara", "The flyway scope needs discussion at a meeting");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(endorsement).hasPassed(OBJECTION_RECEIVED, RECORD_OBJECTION).isWaitingAt(TASK_SCHEDULE);
        assertThat(endorsements.objections(id)).singleElement().satisfies(o -> {
            assertThat(o.memberName()).isEqualTo("Carolina Vergara");
            assertThat(o.late()).isFalse();
            assertThat(o.receivedVia()).isEqualTo("REST");
        });
        assertThat(endorsements.get(id).decision()).isEqualTo(Decision.DEFERRED);
        assertThat(engine.getRuntimeService().getVariable(endorsement.getId(), MUST_MEET)).isEqualTo(true);
        engine.getRuntimeService().deleteProcessInstance(endorsement.getId(), "test done");
    }

    @Test
    void anObjectionByLetterIsRecordedByTheOfficer() {
        ProcessInstance endorsement = start("CMS-FZS-2008", "CMS_STANDING_COMMITTEE");
        complete(task(endorsement), Map.of(MODE, "WRITTEN_PROCEDURE", OBJECTION_DEADLINE, today.plusDays(14).toString()));
        execute(job());
        assertThatThrownBy(() -> complete(task(endorsement), Map.of(OBJECTOR, "Nobody", OBJECTION_REASON, "x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Nobody is not a serving member")
                .hasMessageContaining("at least 3 characters");
        complete(task(endorsement), Map.of(OBJECTOR, "Kwame Mensah", OBJECTION_REASON, "Needs a budget first"));
        assertThat(endorsement).hasPassed(RECORD_OBJECTION).isWaitingAt(TASK_SCHEDULE);
        long id = ((Number) engine.getRuntimeService().getVariable(endorsement.getId(), ENDORSEMENT_ID)).longValue();
        assertThat(endorsements.objections(id)).extracting(Objection::receivedVia).containsExactly("OFFICER");
        engine.getRuntimeService().deleteProcessInstance(endorsement.getId(), "test done");
    }

    @Test
    void anObjectionAfterTheDeadlineIsRefusedButKept() {
        ProcessInstance endorsement = start("CMS-MWN-2011", "CMS_STANDING_COMMITTEE");
        LocalDate deadline = today.plusDays(10);
        complete(task(endorsement), Map.of(MODE, "WRITTEN_PROCEDURE", OBJECTION_DEADLINE, deadline.toString()));
        execute(job());
        long id = ((Number) engine.getRuntimeService().getVariable(endorsement.getId(), ENDORSEMENT_ID)).longValue();
        moveClockTo(deadline.plusDays(1));
        execute(engine.getManagementService().createJobQuery().processInstanceId(endorsement.getId()).timers().singleResult());
        execute(job());
        assertThat(endorsement).isEnded();

        ResponseEntity<JsonNode> late = object(id, "Emma Clarke", "Sorry for the delay: we object");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("recorded as late and not acted upon");
        assertThat(endorsements.objections(id)).singleElement().satisfies(o -> {
            assertThat(o.late()).isTrue();
            assertThat(o.memberName()).isEqualTo("Emma Clarke");
        });
        assertThat(endorsements.get(id).decision()).isEqualTo(Decision.ENDORSED);
    }

    @Test
    void thePartnersBodyDecisionIsRecordedWithRemindersWhilePending() {
        ProcessInstance endorsement = start("CMS-IOTC-2015", "PARTNER_BODY");
        assertThat(endorsement).isWaitingAt(TASK_RECORD_PARTNER_BODY_DECISION);
        assertThat(task()).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(task().getTaskDefinitionKey()).contains("Partner");

        for (int reminder = 1; reminder <= 2; reminder++) {
            execute(engine.getManagementService().createJobQuery().processInstanceId(endorsement.getId()).timers().singleResult());
            execute(engine.getManagementService().createJobQuery().processInstanceId(endorsement.getId())
                    .activityId(REMIND_PARTNER_BODY).singleResult());
            assertThat(notificationLog.search("CMS-IOTC-2015", null, "endorsement-partner-body-reminder", 10))
                    .hasSize(reminder).first().satisfies(n -> {
                        assertThat(n.recipientEmail()).isEqualTo("priya.ramdass@iotc.example.org");
                        assertThat(n.subject()).isEqualTo("Reminder: decision of your governing body on CMS-IOTC-2015");
                    });
        }
        assertThat(endorsement).hasPassed(END_PARTNER_REMINDED).isWaitingAt(TASK_RECORD_PARTNER_BODY_DECISION);

        complete(task(endorsement), decision("ENDORSED", today, "Approved by the IOTC Commission at its annual session"));
        assertThat(endorsement).hasPassed(RECORD_DECISION, END_PARTNER_BODY_DECIDED).hasNotPassed(NOTIFY_DECISION).isEnded();
        assertThat(endorsements.forSubject("CMS-IOTC-2015")).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo(Endorsement.Body.PARTNER_BODY));
        assertThat(agreements.get("CMS-IOTC-2015").endorsementReference())
                .contains("Partner's governing body: ENDORSED on " + today);
    }

    @Test
    void badSchedulesAreRefusedWithEveryProblem() {
        ProcessInstance endorsement = start("CMS-GBIF", "CMS_STANDING_COMMITTEE");
        assertThatThrownBy(() -> complete(task(endorsement), Map.of(MODE, "MEETING", MEETING_NUMBER, 0,
                MEETING_DATE, today.minusDays(1).toString(), DOCUMENT_NUMBER, "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The meeting number '0' is not a positive number")
                .hasMessageContaining("The meeting date " + today.minusDays(1) + " is not in the future")
                .hasMessageContaining("The document number is required");
        scheduleMeeting(endorsement, 42, today.plusDays(50), "CMS/StC42/9-GBIF");

        ProcessInstance second = start("CMS-AMMPA", "CMS_STANDING_COMMITTEE");
        assertThatThrownBy(() -> scheduleMeeting(second, 42, today.plusDays(50), "cms/stc42/9-gbif"))
                .isInstanceOf(InvalidInputException.class).hasMessage("Document number cms/stc42/9-gbif is already used");

        moveClockTo(LocalDate.of(1980, 1, 10));
        assertThatThrownBy(() -> scheduleMeeting(second, 1, LocalDate.of(1980, 6, 1), "CMS/StC1/1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("No Standing Committee member serves on 1980-06-01: nobody could be consulted");
        assertThat(second).isWaitingAt(TASK_SCHEDULE);
        engine.getRuntimeService().deleteProcessInstance(endorsement.getId(), "test done");
        engine.getRuntimeService().deleteProcessInstance(second.getId(), "test done");
    }

    @Test
    void aRequestForSomethingTheRegisterDoesNotHoldIsRefused() {
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(
                SUBJECT_TYPE, "TREATY", SUBJECT_REFERENCE, "CMS-NOBODY-1999", BODY, "GENERAL_ASSEMBLY")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown subject type 'TREATY'")
                .hasMessageContaining("Unknown body 'GENERAL_ASSEMBLY'");
        assertThatThrownBy(() -> start("CMS-NOBODY-1999", "CMS_STANDING_COMMITTEE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("No agreement with reference CMS-NOBODY-1999");
    }

    private ProcessInstance start(String agreementReference, String body) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(
                SUBJECT_TYPE, "AGREEMENT", SUBJECT_REFERENCE, agreementReference, BODY, body));
    }

    private void scheduleMeeting(ProcessInstance endorsement, int number, LocalDate date, String documentNumber) {
        complete(task(endorsement), Map.of(MODE, "MEETING", MEETING_NUMBER, number, MEETING_DATE, date.toString(),
                DOCUMENT_NUMBER, documentNumber, DOCUMENT_URL, "https://www.cms.int/documents/" + number));
    }

    private void reachMeetingDay(ProcessInstance endorsement) {
        for (String step : List.of(TIMER_DOCUMENTS_DUE, SEND_DOCUMENTS, TIMER_REMINDER_DUE, SEND_REMINDER, TIMER_MEETING_DAY)) {
            assertThat(endorsement).isWaitingAt(step);
            execute(job());
        }
        assertThat(endorsement).isWaitingAt(TASK_RECORD_MEETING_DECISION);
    }

    private static Map<String, Object> decision(String decision, LocalDate date, String text) {
        return Map.of(DECISION, decision, DECISION_DATE, date.toString(), DECISION_TEXT, text);
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(RegisterClock.at(day, LocalTime.of(10, 0)));
    }

    private static LocalDate dueDate(org.camunda.bpm.engine.runtime.Job job) {
        return LocalDate.ofInstant(job.getDuedate().toInstant(), ZoneId.of("Europe/Berlin"));
    }

    private ResponseEntity<JsonNode> object(long id, String member, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"memberName\": \"%s\", \"reason\": \"%s\"}".formatted(member, reason);
        return rest.withBasicAuth("oliver", "oliver").postForEntity("/api/endorsements/" + id + "/objections",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
