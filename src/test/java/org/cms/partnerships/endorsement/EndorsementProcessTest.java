package org.cms.partnerships.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.endorsement.EndorsementProcess.*;
import static org.cms.partnerships.support.EndorsementDriver.decision;
import static org.cms.partnerships.support.EndorsementDriver.newMeeting;
import static org.cms.partnerships.support.EndorsementDriver.writtenProcedure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationStatus;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.EndorsementDriver;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.support.ProcessDriver;
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
 * timers and e-mail jobs driven by hand and the clock moved to the meeting. What the officers' task
 * listeners record is asserted in the register (endorsements, objections, the agreement's record).
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndorsementProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired EndorsementService endorsements;
    @Autowired AgreementService agreements;
    @Autowired TestRestTemplate rest;

    EndorsementDriver endorsement;
    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        endorsement = new EndorsementDriver(driver);
        today = RegisterClock.today();
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void deferredAtOneMeetingAndEndorsedAtTheNext() {
        ProcessInstance pi = start("CMS-CAFF-2012", Body.CMS_STANDING_COMMITTEE);
        assertThat(pi).isWaitingAt(TASK_SCHEDULE);
        assertThat(driver.task(pi, TASK_SCHEDULE)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(driver.task(pi, TASK_SCHEDULE).getName()).isEqualTo("Schedule meeting or written procedure · CAFF · CMS-CAFF-2012");

        LocalDate meeting = today.plusDays(40);
        endorsement.complete(pi, TASK_SCHEDULE, withUrl(newMeeting(61, meeting, "CMS/StC61/4-CAFF"), 61));
        assertThat(pi).isWaitingAt(TIMER_DOCUMENTS_DUE);
        assertThat(driver.dueDay(driver.job(pi, TIMER_DOCUMENTS_DUE))).isEqualTo(meeting.minusDays(30));

        driver.run(pi, TIMER_DOCUMENTS_DUE);
        assertThat(pi).isWaitingAt(SEND_DOCUMENTS);
        driver.run(pi, SEND_DOCUMENTS);
        assertThat(pi).isWaitingAt(TIMER_REMINDER_DUE);
        assertThat(driver.dueDay(driver.job(pi, TIMER_REMINDER_DUE))).isEqualTo(meeting.minusDays(7));
        assertThat(driver.mails("CMS-CAFF-2012", "endorsement-documents"))
                .hasSize(17).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.RENDERED));

        driver.run(pi, TIMER_REMINDER_DUE);
        driver.run(pi, SEND_REMINDER);
        assertThat(driver.mails("CMS-CAFF-2012", "endorsement-meeting-reminder")).hasSize(17);
        assertThat(pi).isWaitingAt(TIMER_MEETING_DAY);
        assertThat(driver.dueDay(driver.job(pi, TIMER_MEETING_DAY))).isEqualTo(meeting);
        driver.run(pi, TIMER_MEETING_DAY);
        assertThat(pi).isWaitingAt(TASK_RECORD_MEETING_DECISION);

        driver.moveClockTo(meeting);
        endorsement.complete(pi, TASK_RECORD_MEETING_DECISION,
                decision(Decision.DEFERRED, meeting, "Deferred pending consultation of AEWA"));
        assertThat(pi).isWaitingAt(TASK_SCHEDULE);
        assertThat(endorsements.forSubject("CMS-CAFF-2012")).extracting(Endorsement::decision).containsExactly(Decision.DEFERRED);
        assertThat(driver.variable(pi, SCHEDULE_NOTE))
                .contains("Deferred at the 61st meeting of the Standing Committee", "Deferred pending consultation of AEWA");
        assertThat(driver.refusal(() -> endorsement.complete(pi, TASK_SCHEDULE, writtenProcedure(meeting.plusDays(30)))))
                .hasMessageContaining("goes to the next meeting, not to a written procedure");

        LocalDate nextMeeting = meeting.plusDays(180);
        endorsement.complete(pi, TASK_SCHEDULE, withUrl(newMeeting(62, nextMeeting, "CMS/StC62/7-CAFF"), 62));
        endorsement.reachMeetingDay(pi);
        driver.moveClockTo(nextMeeting.plusDays(1));
        endorsement.complete(pi, TASK_RECORD_MEETING_DECISION, decision(Decision.ENDORSED, nextMeeting, "Endorsed as presented"));
        assertThat(pi).isWaitingAt(NOTIFY_DECISION);
        assertThat(endorsements.forSubject("CMS-CAFF-2012")).extracting(Endorsement::decision)
                .containsExactly(Decision.DEFERRED, Decision.ENDORSED);
        driver.run(pi, NOTIFY_DECISION);

        assertThat(pi).hasPassed(END_DECIDED).isEnded();
        assertThat(pi).variables().containsEntry(ENDORSEMENT_DECISION.name(), Decision.ENDORSED.name())
                .containsEntry(ENDORSEMENT_DECISION_DATE.name(), nextMeeting.toString())
                .containsEntry(DOCUMENT_NUMBER.name(), "CMS/StC62/7-CAFF");
        assertThat(agreements.get("CMS-CAFF-2012").endorsementReference())
                .contains("CMS/StC61/4-CAFF, 61st meeting of the Standing Committee (" + meeting + "): DEFERRED")
                .contains("CMS/StC62/7-CAFF, 62nd meeting of the Standing Committee (" + nextMeeting + "): ENDORSED");
        assertThat(driver.mails("CMS-CAFF-2012", "endorsement-documents")).hasSize(34);
        assertThat(driver.mails("CMS-CAFF-2012", "endorsement-decision")).hasSize(17);
    }

    @Test
    void membersReceiveTheDocumentInTheirOwnLanguage() {
        ProcessInstance pi = start("CMS-UNESCO-2002", Body.CMS_STANDING_COMMITTEE);
        endorsement.complete(pi, TASK_SCHEDULE, withUrl(newMeeting(64, today.plusDays(60), "CMS/StC64/12-UNESCO"), 64));
        driver.run(pi, TIMER_DOCUMENTS_DUE);
        driver.run(pi, SEND_DOCUMENTS);
        Map<String, Notification> byMember = new HashMap<>();
        driver.mails("CMS-UNESCO-2002", "endorsement-documents").forEach(n -> byMember.put(n.recipientName(), n));
        assertThat(byMember).hasSize(17);
        assertThat(byMember.get("Ingrid Solheim").subject())
                .isEqualTo("64th meeting of the CMS Standing Committee: CMS/StC64/12-UNESCO for endorsement");
        assertThat(byMember.get("Leïla Ben Salah").subject())
                .isEqualTo("64e réunion du Comité permanent de la CMS : CMS/StC64/12-UNESCO soumis pour approbation");
        assertThat(byMember.get("Leïla Ben Salah").body()).contains("Partenaire : United Nations Educational");
        assertThat(byMember.get("Carolina Vergara").subject())
                .isEqualTo("64ª reunión del Comité Permanente de la CMS: CMS/StC64/12-UNESCO para aprobación");
        assertThat(byMember.get("Carolina Vergara").body()).startsWith("Estimado/a Carolina Vergara:");
        assertThat(byMember.values()).extracting(n -> n.language().name()).containsOnly("EN", "FR", "ES");
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void endorsedWithAmendmentsAndNotEndorsedAreFinalDecisions() {
        for (Decision outcome : List.of(Decision.ENDORSED_WITH_AMENDMENTS, Decision.NOT_ENDORSED)) {
            ProcessInstance pi = start("CMS-WCS-2007", Body.CMS_STANDING_COMMITTEE);
            LocalDate meeting = today.plusDays(35);
            endorsement.complete(pi, TASK_SCHEDULE, withUrl(newMeeting(63, meeting, "CMS/StC63/" + outcome), 63));
            endorsement.reachMeetingDay(pi);
            driver.moveClockTo(meeting);
            endorsement.complete(pi, TASK_RECORD_MEETING_DECISION, decision(outcome, meeting, "Decision " + outcome));
            driver.run(pi, NOTIFY_DECISION);
            assertThat(pi).isEnded().variables().containsEntry(ENDORSEMENT_DECISION.name(), outcome.name());
            // Final at once: the meeting's record carries the decision, no deferral was recorded.
            assertThat(endorsements.forSubject("CMS-WCS-2007")).last().extracting(Endorsement::decision).isEqualTo(outcome);
            driver.resetClock();
        }
        assertThat(endorsements.forSubject("CMS-WCS-2007")).extracting(Endorsement::decision)
                .doesNotContain(Decision.DEFERRED);
    }

    @Test
    void writtenProcedureWithoutObjectionIsEndorsedAtTheDeadline() {
        ProcessInstance pi = start("CMS-WDCS-2005", Body.CMS_STANDING_COMMITTEE);
        LocalDate deadline = today.plusDays(21);
        Map<String, Object> form = writtenProcedure(deadline);
        DOCUMENT_NUMBER.putIn(form, "CMS/StC-WP/2026/1");
        endorsement.complete(pi, TASK_SCHEDULE, form);
        assertThat(pi).isWaitingAt(SEND_WRITTEN_PROCEDURE);
        driver.run(pi, SEND_WRITTEN_PROCEDURE);
        Notification french = driver.mails("CMS-WDCS-2005", "endorsement-written-procedure").stream()
                .filter(n -> n.language().name().equals("FR")).findFirst().orElseThrow();
        assertThat(french.subject()).startsWith("Procédure écrite :");
        assertThat(pi).isWaitingAt(TASK_RECORD_OBJECTION);

        driver.fireWhenDue(pi, DEADLINE_PASSED);
        assertThat(pi).hasPassed(DEADLINE_PASSED, CLOSE_WITHOUT_OBJECTION).isWaitingAt(NOTIFY_DECISION);
        driver.run(pi, NOTIFY_DECISION);
        assertThat(pi).isEnded().variables().containsEntry(ENDORSEMENT_DECISION.name(), Decision.ENDORSED.name())
                .containsEntry(ENDORSEMENT_DECISION_DATE.name(), deadline.toString());
        assertThat(endorsements.forSubject("CMS-WDCS-2005")).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo(Decision.ENDORSED);
            assertThat(e.decisionText()).isEqualTo("No objection received by " + deadline + " (written procedure)");
        });
    }

    @Test
    void anObjectionByRestDefersTheProposalToTheNextMeeting() {
        ProcessInstance pi = start("CMS-WI-1997", Body.CMS_STANDING_COMMITTEE);
        endorsement.complete(pi, TASK_SCHEDULE, writtenProcedure(today.plusDays(14)));
        driver.run(pi, SEND_WRITTEN_PROCEDURE);
        long id = endorsement.endorsementId(pi);

        ResponseEntity<JsonNode> notAMember = object(id, "Somebody Else", "We disagree");
        assertThat(notAMember.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAMember.getBody().get("detail").asText())
                .isEqualTo("Somebody Else is not a serving member of the Standing Committee");

        ResponseEntity<JsonNode> accepted = object(id, "carolina vergara", "The flyway scope needs discussion at a meeting");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(pi).hasPassed(OBJECTION_RECEIVED).isWaitingAt(TASK_SCHEDULE);
        assertThat(endorsements.objections(id)).singleElement().satisfies(o -> {
            assertThat(o.memberName()).isEqualTo("Carolina Vergara");
            assertThat(o.late()).isFalse();
            assertThat(o.receivedVia()).isEqualTo("REST");
        });
        assertThat(endorsements.get(id).decision()).isEqualTo(Decision.DEFERRED);
        assertThat(driver.variable(pi, MUST_MEET)).isTrue();
        assertThat(driver.variable(pi, SCHEDULE_NOTE)).contains("Objection by Carolina Vergara");
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void anObjectionByLetterIsRecordedByTheOfficer() {
        ProcessInstance pi = start("CMS-FZS-2008", Body.CMS_STANDING_COMMITTEE);
        endorsement.complete(pi, TASK_SCHEDULE, writtenProcedure(today.plusDays(14)));
        driver.run(pi, SEND_WRITTEN_PROCEDURE);
        InvalidInputException refusal = driver.refusal(() -> endorsement.complete(pi, TASK_RECORD_OBJECTION,
                objection("Nobody", "x")));
        assertThat(refusal).hasMessageContaining("Nobody is not a serving member").hasMessageContaining("at least 3 characters");
        assertThat(pi).isWaitingAt(TASK_RECORD_OBJECTION);

        endorsement.complete(pi, TASK_RECORD_OBJECTION, objection("Kwame Mensah", "Needs a budget first"));
        assertThat(pi).hasPassed(TASK_RECORD_OBJECTION).isWaitingAt(TASK_SCHEDULE);
        long id = endorsement.endorsementId(pi);
        assertThat(endorsements.objections(id)).extracting(Objection::receivedVia).containsExactly("OFFICER");
        assertThat(endorsements.get(id).decision()).isEqualTo(Decision.DEFERRED);
        assertThat(driver.variable(pi, MUST_MEET)).isTrue();
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void anObjectionAfterTheDeadlineIsRefusedAndNotWritten() {
        ProcessInstance pi = start("CMS-MWN-2011", Body.CMS_STANDING_COMMITTEE);
        LocalDate deadline = today.plusDays(10);
        endorsement.complete(pi, TASK_SCHEDULE, writtenProcedure(deadline));
        driver.run(pi, SEND_WRITTEN_PROCEDURE);
        long id = endorsement.endorsementId(pi);
        driver.moveClockTo(deadline.plusDays(1));
        driver.run(pi, DEADLINE_PASSED);
        driver.run(pi, NOTIFY_DECISION);
        assertThat(pi).isEnded();

        ResponseEntity<JsonNode> late = object(id, "Emma Clarke", "Sorry for the delay: we object");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("deadline", "not recorded", "next meeting");
        assertThat(endorsements.objections(id)).isEmpty();
        assertThat(endorsements.get(id).decision()).isEqualTo(Decision.ENDORSED);
    }

    @Test
    void thePartnersBodyDecisionIsRecordedWithRemindersWhilePending() {
        ProcessInstance pi = start("CMS-IOTC-2015", Body.PARTNER_BODY);
        assertThat(pi).isWaitingAt(TASK_RECORD_PARTNER_BODY_DECISION);
        assertThat(driver.task(pi, TASK_RECORD_PARTNER_BODY_DECISION)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);

        for (int reminder = 1; reminder <= 2; reminder++) {
            driver.run(pi, PARTNER_REMINDER_DUE);
            driver.run(pi, REMIND_PARTNER_BODY);
            assertThat(driver.mails("CMS-IOTC-2015", "endorsement-partner-body-reminder"))
                    .hasSize(reminder).first().satisfies(n -> {
                        assertThat(n.recipientEmail()).isEqualTo("priya.ramdass@iotc.example.org");
                        assertThat(n.subject()).isEqualTo("Reminder: decision of your governing body on CMS-IOTC-2015");
                    });
        }
        assertThat(pi).hasPassed(END_PARTNER_REMINDED).isWaitingAt(TASK_RECORD_PARTNER_BODY_DECISION);

        assertThat(driver.refusal(() -> endorsement.complete(pi, TASK_RECORD_PARTNER_BODY_DECISION,
                decision(Decision.DEFERRED, today, "Deferred by the IOTC Commission"))))
                .hasMessage("A deferral is not a final decision");
        endorsement.complete(pi, TASK_RECORD_PARTNER_BODY_DECISION,
                decision(Decision.ENDORSED, today, "Approved by the IOTC Commission at its annual session"));
        assertThat(pi).hasPassed(END_PARTNER_BODY_DECIDED).hasNotPassed(NOTIFY_DECISION).isEnded();
        // The demo register also holds the 44th Standing Committee meeting's endorsement of the draft (004 §21).
        assertThat(endorsements.forSubject("CMS-IOTC-2015")).filteredOn(e -> e.body() == Body.PARTNER_BODY).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo(Decision.ENDORSED);
        });
        assertThat(agreements.get("CMS-IOTC-2015").endorsementReference())
                .contains("Partner's governing body: ENDORSED on " + today);
    }

    @Test
    void badSchedulesAreRefusedWithEveryProblem() {
        ProcessInstance first = start("CMS-GBIF", Body.CMS_STANDING_COMMITTEE);
        Map<String, Object> bad = newMeeting(0, today.minusDays(1), "");
        assertThat(driver.refusal(() -> endorsement.complete(first, TASK_SCHEDULE, bad)))
                .hasMessageContaining("The meeting number '0' is not a positive number")
                .hasMessageContaining("The meeting date " + today.minusDays(1) + " is not in the future")
                .hasMessageContaining("The document number is required");
        endorsement.complete(first, TASK_SCHEDULE, newMeeting(65, today.plusDays(50), "CMS/StC65/9-GBIF"));

        ProcessInstance second = start("CMS-AMMPA", Body.CMS_STANDING_COMMITTEE);
        assertThat(driver.refusal(() -> endorsement.complete(second, TASK_SCHEDULE,
                newMeeting(65, today.plusDays(50), "cms/stc65/9-gbif"))))
                .hasMessage("Document number cms/stc65/9-gbif is already used");

        driver.moveClockTo(LocalDate.of(1980, 1, 10));
        assertThat(driver.refusal(() -> endorsement.complete(second, TASK_SCHEDULE,
                newMeeting(1, LocalDate.of(1980, 6, 1), "CMS/StC1/1"))))
                .hasMessage("No Standing Committee member serves on 1980-06-01: nobody could be consulted");
        assertThat(second).isWaitingAt(TASK_SCHEDULE);
        engine.getRuntimeService().deleteProcessInstance(first.getId(), "test done");
        engine.getRuntimeService().deleteProcessInstance(second.getId(), "test done");
    }

    @Test
    void aRequestForSomethingTheRegisterDoesNotHoldIsRefused() {
        Map<String, Object> nonsense = new HashMap<>();
        nonsense.put(SUBJECT_TYPE.name(), "TREATY");
        nonsense.put(SUBJECT_REFERENCE.name(), "CMS-NOBODY-1999");
        nonsense.put(BODY.name(), "GENERAL_ASSEMBLY");
        assertThat(driver.refusal(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, nonsense)))
                .hasMessageContaining("The subject type 'TREATY' is not one of AGREEMENT, AMENDMENT")
                .hasMessageContaining("The body 'GENERAL_ASSEMBLY' is not one of CMS_STANDING_COMMITTEE, PARTNER_BODY");
        assertThat(driver.refusal(() -> start("CMS-NOBODY-1999", Body.CMS_STANDING_COMMITTEE)))
                .hasMessage("No agreement with reference CMS-NOBODY-1999");
    }

    private ProcessInstance start(String agreementReference, Body body) {
        Map<String, Object> request = new HashMap<>();
        SUBJECT_TYPE.putIn(request, SubjectType.AGREEMENT);
        SUBJECT_REFERENCE.putIn(request, agreementReference);
        BODY.putIn(request, body);
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, request);
    }

    private static Map<String, Object> withUrl(Map<String, Object> schedule, int meetingNumber) {
        DOCUMENT_URL.putIn(schedule, "https://www.cms.int/documents/" + meetingNumber);
        return schedule;
    }

    private static Map<String, Object> objection(String member, String reason) {
        Map<String, Object> form = new HashMap<>();
        OBJECTOR.putIn(form, member);
        OBJECTION_REASON.putIn(form, reason);
        return form;
    }

    private ResponseEntity<JsonNode> object(long id, String member, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"memberName\": \"%s\", \"reason\": \"%s\"}".formatted(member, reason);
        return rest.withBasicAuth("oliver", "oliver").postForEntity("/api/endorsements/" + id + "/objections",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
