package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.register.AgreementStatus.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.EndorsementDriver;
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
 * Every path of partnership-agreement, as the Secretariat's people walk it: each test asserts the
 * path, the register's status and history, and the e-mails. Timers and e-mail jobs are driven by hand.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipAgreementProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired AgreementService agreements;
    @Autowired NotificationLog notificationLog;
    @Autowired TestRestTemplate rest;

    EndorsementDriver endorsement;
    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        endorsement = new EndorsementDriver(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void privateSectorPartnerFailingDueDiligenceIsRejected() {
        ProcessInstance proposal = proposeAs("oliver", Map.of(PARTNER_ACRONYM, "LH",
                INSTRUMENT_TYPE, "PARTNERSHIP_AGREEMENT", TITLE, "Partnership agreement between Lufthansa and CMS"));
        String reference = reference(proposal);
        assertThat(proposal).hasPassed(DECIDE_ROUTE, MARK_DUE_DILIGENCE).isWaitingAt(TASK_DUE_DILIGENCE);
        assertThat(task(proposal)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(task(proposal).getName()).isEqualTo("Carry out due diligence · LH · " + reference);
        assertThat(agreements.get(reference).status()).isEqualTo(IN_DUE_DILIGENCE);

        assertThatThrownBy(() -> complete(task(proposal), dueDiligence(false, "CLEARED", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be cleared without conditions");
        completeAs("oliver", Groups.PARTNERSHIP_OFFICERS, proposal, dueDiligence(false, "REJECTED",
                "Under investigation by the competition authority"));

        assertThat(proposal).hasPassed(RECORD_DUE_DILIGENCE, MARK_REJECTED).isWaitingAt(NOTIFY_REJECTED);
        execute(job(proposal, NOTIFY_REJECTED));
        assertThat(proposal).hasPassed(END_REJECTED).hasNotPassed(MARK_DRAFTING).isEnded();
        assertThat(statuses(reference)).containsExactly(PROPOSED, IN_DUE_DILIGENCE, REJECTED);
        assertThat(last(reference).reason()).isEqualTo("Rejected in due diligence: Under investigation by the competition authority");
        assertThat(last(reference).changedBy()).isEqualTo("oliver");
        assertThat(agreements.history(reference).get(0).changedBy()).isEqualTo("oliver");
        assertThat(mails(reference, "agreement-rejected")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("oliver@cms.example.org"));
    }

    @Test
    void privateCompanyClearedWithConditionsGoesThroughEveryGroupToSignature() {
        ProcessInstance proposal = proposeAs("oliver", Map.of(PARTNER_CHOICE, "NEW", PARTNER_ACRONYM, "AVIAVERDE",
                NEW_PARTNER_NAME, "Aviaverde Airlines AG", NEW_PARTNER_CATEGORY, "PRIVATE_SECTOR",
                FOCAL_POINT_NAME, "Lea Brunner", FOCAL_POINT_EMAIL, "lea.brunner@aviaverde.example.org",
                FOCAL_POINT_LANGUAGE, "FR", INSTRUMENT_TYPE, "PARTNERSHIP_AGREEMENT",
                TITLE, "Partnership agreement on migratory birds and aviation",
                FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS")));
        String reference = reference(proposal);
        assertThat(reference).isEqualTo("CMS-AVIAVERDE-" + today.getYear());

        completeAs("oliver", Groups.PARTNERSHIP_OFFICERS, proposal, dueDiligence(true, "CLEARED_WITH_CONDITIONS", ""));
        assertThat(agreements.get(reference).conditions()).isEqualTo("No use of the CMS logo in advertising");
        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        submitDraft(proposal, "v1");
        assertThat(agreements.get(reference).status()).isEqualTo(IN_CONSULTATION);

        List<Task> consultations = tasks(proposal, TASK_COMMENT_ON_DRAFT);
        assertThat(consultations).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup(Groups.FAMILY_SECRETARIATS));
        assertThat(consultations).extracting(Task::getName).contains(
                "Comment on the draft (AEWA) · AVIAVERDE · " + reference, "Comment on the draft (EUROBATS) · AVIAVERDE · " + reference);
        for (Task consultation : consultations) {
            engine.getTaskService().complete(consultation.getId(),
                    Map.of(CONSULTATION_COMMENTS, "Add bat collisions to the scope"));
        }
        assertThat(proposal).hasPassed(RECORD_COMMENTS, MARK_IN_LEGAL_REVIEW).isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(task(proposal)).hasCandidateGroup(Groups.LEGAL_OFFICERS);
        completeAs("lena", Groups.LEGAL_OFFICERS, proposal, Map.of(LEGAL_DECISION, "APPROVED"));
        assertThat(task(proposal)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        completeAs("amina", Groups.EXECUTIVE_SECRETARY, proposal, Map.of(CLEARANCE_DECISION, "CLEAR"));
        assertThat(proposal).hasNotPassed(ENDORSEMENT).isWaitingAt(REQUEST_PARTNER_APPROVAL);
        execute(job(proposal, REQUEST_PARTNER_APPROVAL));
        assertThat(mails(reference, "partner-approval-request")).singleElement().satisfies(n -> {
            assertThat(n.recipientEmail()).isEqualTo("lea.brunner@aviaverde.example.org");
            assertThat(n.subject()).isEqualTo("Partnership agreement on migratory birds and aviation : demande d'approbation");
        });

        ResponseEntity<String> decided = post("/api/agreements/" + reference + "/partner-decision",
                "{\"decision\": \"APPROVED\", \"date\": \"" + today + "\"}");
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(proposal).hasPassed(PARTNER_DECISION_RECEIVED).isWaitingAt(TASK_SIGNATURE);
        assertThat(task(proposal)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        completeAs("amina", Groups.EXECUTIVE_SECRETARY, proposal, signature(today, "Bonn"));
        execute(job(proposal, NOTIFY_SIGNED));

        assertThat(proposal).hasPassed(END_IN_FORCE).isEnded();
        Agreement signed = agreements.get(reference);
        assertThat(signed.status()).isEqualTo(IN_FORCE);
        assertThat(signed.signedOn()).isEqualTo(today);
        assertThat(signed.nextReviewOn()).isEqualTo(today.plusYears(1));
        assertThat(signed.signatoryCms()).isEqualTo("Amy Fraenkel, Executive Secretary");
        assertThat(statuses(reference)).containsExactly(PROPOSED, IN_DUE_DILIGENCE, DRAFTING, IN_CONSULTATION,
                IN_LEGAL_REVIEW, AWAITING_CLEARANCE, AWAITING_PARTNER_APPROVAL, AWAITING_SIGNATURE, IN_FORCE);
        assertThat(last(reference).changedBy()).isEqualTo("amina");
        assertThat(agreements.comments(reference)).extracting(AgreementService.Comment::kind)
                .containsExactly("DUE_DILIGENCE", "CONSULTATION", "CONSULTATION", "LEGAL_REVIEW", "CLEARANCE", "PARTNER_DECISION");
        assertThat(mails(reference, "agreement-signed")).extracting(Notification::recipientEmail)
                .containsExactlyInAnyOrder("lea.brunner@aviaverde.example.org", "aewa@cms.example.org",
                        "eurobats@cms.example.org", "marc@cms.example.org");
    }

    @Test
    void meaAgreementWithASilentSecretariatDeferredThenEndorsedSupersedesTheOldOne() {
        ProcessInstance proposal = proposeAs("paula", Map.of(PARTNER_ACRONYM, "RAMSAR",
                INSTRUMENT_TYPE, "MEMORANDUM_OF_UNDERSTANDING", TITLE, "Renewed Memorandum of Understanding with Ramsar",
                FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS"), SUPERSEDES, "CMS-RAMSAR-2011"));
        String reference = reference(proposal);
        assertThat(proposal).hasNotPassed(MARK_DUE_DILIGENCE);
        LocalDate deadline = submitDraft(proposal, "v1");

        for (Job reminder : timers(proposal, CONSULTATION_REMINDER_DUE)) {
            execute(reminder);
        }
        for (Job send : engine.getManagementService().createJobQuery().processInstanceId(proposal.getId())
                .activityId(REMIND_SECRETARIAT).list()) {
            execute(send);
        }
        assertThat(mails(reference, "consultation-reminder")).extracting(Notification::recipientEmail)
                .containsExactlyInAnyOrder("aewa@cms.example.org", "eurobats@cms.example.org");

        Task aewa = tasks(proposal, TASK_COMMENT_ON_DRAFT).stream().filter(t -> t.getName().contains("(AEWA)"))
                .findFirst().orElseThrow();
        engine.getTaskService().complete(aewa.getId(), Map.of(CONSULTATION_COMMENTS, "Include the flyway approach"));
        moveClockTo(deadline.plusDays(1));
        execute(timers(proposal, CONSULTATION_DEADLINE).get(0));
        ClockUtil.reset();
        assertThat(proposal).hasPassed(RECORD_NO_COMMENTS).isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(agreements.comments(reference)).extracting(AgreementService.Comment::source, AgreementService.Comment::text)
                .contains(org.assertj.core.groups.Tuple.tuple("AEWA", "Include the flyway approach"),
                        org.assertj.core.groups.Tuple.tuple("EUROBATS", "No comments: no answer by the deadline of " + deadline));

        complete(task(proposal), Map.of(LEGAL_DECISION, "APPROVED", LEGAL_COMMENTS, "Standard clauses"));
        complete(task(proposal), Map.of(CLEARANCE_DECISION, "CLEAR"));
        assertThat(proposal).isWaitingAt(ENDORSEMENT);
        assertThat(agreements.get(reference).status()).isEqualTo(AWAITING_ENDORSEMENT);
        ProcessInstance committee = endorsement.calledBy(proposal);
        endorsement.decideAtMeeting(committee, 46, "CMS/StC46/RAMSAR", "DEFERRED");
        assertThat(proposal).isWaitingAt(ENDORSEMENT);
        endorsement.decideAtMeeting(committee, 47, "CMS/StC47/RAMSAR", "ENDORSED");
        assertThat(mails(reference, "endorsement-documents")).hasSize(34);

        assertThat(proposal).hasPassed(RECORD_ENDORSEMENT).isWaitingAt(REQUEST_PARTNER_APPROVAL);
        execute(job(proposal, REQUEST_PARTNER_APPROVAL));
        complete(task(proposal), Map.of(PARTNER_DECISION, "APPROVED", PARTNER_DECISION_DATE, today.toString()));
        complete(task(proposal), signature(today, "Gland"));
        execute(job(proposal, NOTIFY_SIGNED));

        assertThat(proposal).isEnded();
        Agreement renewed = agreements.get(reference);
        Agreement old = agreements.get("CMS-RAMSAR-2011");
        assertThat(renewed.status()).isEqualTo(IN_FORCE);
        assertThat(renewed.supersedes()).isEqualTo("CMS-RAMSAR-2011");
        assertThat(old.status()).isEqualTo(SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo(reference);
        assertThat(last("CMS-RAMSAR-2011").reason()).isEqualTo("Superseded by " + reference);
        assertThat(renewed.endorsementReference()).contains("CMS/StC46/RAMSAR", "DEFERRED", "CMS/StC47/RAMSAR", "ENDORSED");
        assertThat(statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_CONSULTATION, IN_LEGAL_REVIEW,
                AWAITING_CLEARANCE, AWAITING_ENDORSEMENT, AWAITING_PARTNER_APPROVAL, AWAITING_SIGNATURE, IN_FORCE);
    }

    @Test
    void legalChangesAndAReturnFromClearanceLoopBackToDraftingBeforeARejection() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "IFAW", INSTRUMENT_TYPE, "MEMORANDUM_OF_UNDERSTANDING",
                TITLE, "Memorandum of Understanding with IFAW on marine mammals"));
        String reference = reference(proposal);
        submitDraft(proposal, "v1");
        assertThat(proposal).hasNotPassed(MARK_IN_CONSULTATION).isWaitingAt(TASK_LEGAL_REVIEW);

        assertThatThrownBy(() -> complete(task(proposal), Map.of(LEGAL_DECISION, "CHANGES_REQUIRED")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say which changes are required");
        complete(task(proposal), Map.of(LEGAL_DECISION, "CHANGES_REQUIRED", LEGAL_COMMENTS, "Add a dispute settlement clause"));
        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), REVISION_REASON))
                .isEqualTo("Legal review requires changes: Add a dispute settlement clause");
        assertThat(last(reference).reason()).isEqualTo("Legal review requires changes: Add a dispute settlement clause");

        submitDraft(proposal, "v2");
        complete(task(proposal), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(proposal), Map.of(CLEARANCE_DECISION, "RETURN", CLEARANCE_COMMENTS, "Shorten the annex on sharks"));
        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        assertThat(last(reference).reason()).isEqualTo("Returned by the Executive Secretary: Shorten the annex on sharks");

        submitDraft(proposal, "v3");
        complete(task(proposal), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(proposal), Map.of(CLEARANCE_DECISION, "REJECT", CLEARANCE_COMMENTS, "Overlaps the existing agreement"));
        execute(job(proposal, NOTIFY_REJECTED));
        assertThat(proposal).hasPassed(END_REJECTED).isEnded();
        assertThat(statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_LEGAL_REVIEW, DRAFTING, IN_LEGAL_REVIEW,
                AWAITING_CLEARANCE, DRAFTING, IN_LEGAL_REVIEW, AWAITING_CLEARANCE, REJECTED);
        assertThat(agreements.get(reference).draftVersion()).isEqualTo("v3");
    }

    @Test
    void endorsedWithAmendmentsGoesBackToDraftingAndStraightBackToTheCommitteeWhichThenRefuses() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "SPREP", INSTRUMENT_TYPE, "MEMORANDUM_OF_UNDERSTANDING",
                TITLE, "Memorandum of Understanding with SPREP on Pacific cetaceans"));
        String reference = reference(proposal);
        submitDraft(proposal, "v1");
        complete(task(proposal), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(proposal), Map.of(CLEARANCE_DECISION, "CLEAR"));
        endorsement.decideAtMeeting(endorsement.calledBy(proposal), 48, "CMS/StC48/SPREP", "ENDORSED_WITH_AMENDMENTS");

        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), REVISION_REASON).toString())
                .startsWith("Endorsed with amendments by the Standing Committee");
        submitDraft(proposal, "v2 as amended");
        assertThat(proposal).isWaitingAt(ENDORSEMENT);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(proposal.getId())
                .activityId(TASK_LEGAL_REVIEW).count()).isEqualTo(1);

        endorsement.decideAtMeeting(endorsement.calledBy(proposal), 49, "CMS/StC49/SPREP", "NOT_ENDORSED");
        execute(job(proposal, NOTIFY_REJECTED));
        assertThat(proposal).hasPassed(END_REJECTED).isEnded();
        assertThat(statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_LEGAL_REVIEW, AWAITING_CLEARANCE,
                AWAITING_ENDORSEMENT, DRAFTING, AWAITING_ENDORSEMENT, REJECTED);
        assertThat(last(reference).reason()).startsWith("Not endorsed by the Standing Committee");
    }

    @Test
    void aPartnerDecliningByRestEndsTheProposal() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "WWF-DE", INSTRUMENT_TYPE, "PARTNERSHIP_AGREEMENT",
                TITLE, "Partnership agreement with WWF Germany on the KAZA region"));
        String reference = reference(proposal);
        reachPartnerApproval(proposal);
        ResponseEntity<String> tooShort = post("/api/agreements/" + reference + "/partner-decision",
                "{\"decision\": \"DECLINED\", \"reason\": \"no\"}");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/agreements/" + reference + "/partner-decision",
                "{\"decision\": \"DECLINED\", \"reason\": \"The board prefers a joint work plan only\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        execute(job(proposal, NOTIFY_REJECTED));
        assertThat(proposal).hasPassed(PARTNER_DECISION_RECEIVED, RECORD_PARTNER_DECISION, END_REJECTED).isEnded();
        assertThat(last(reference).toStatus()).isEqualTo(REJECTED);
        assertThat(last(reference).reason()).isEqualTo("Declined by the partner: The board prefers a joint work plan only");
        assertThat(post("/api/agreements/" + reference + "/partner-decision", "{\"decision\": \"APPROVED\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aSilentPartnerIsRemindedEveryMonthTheExecutiveSecretaryAlertedAfterTheThirdAndTheOfficerWithdraws() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "WCS", INSTRUMENT_TYPE, "MEMORANDUM_OF_UNDERSTANDING",
                TITLE, "Memorandum of Understanding with WCS on Central Asian mammals"));
        String reference = reference(proposal);
        reachPartnerApproval(proposal);
        assertThat(task(proposal).getTaskDefinitionKey()).contains("Partner");

        for (int month = 1; month <= 4; month++) {
            Job timer = timers(proposal, PARTNER_REMINDER_DUE).get(0);
            assertThat(timer.getDuedate()).isAfter(new Date());
            execute(timer);
            execute(job(proposal, REMIND_PARTNER));
            if (month == 3) {
                execute(job(proposal, ALERT_EXECUTIVE_SECRETARY));
            }
        }
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), PARTNER_REMINDERS_SENT)).isEqualTo(4);
        assertThat(mails(reference, "partner-approval-reminder")).hasSize(4)
                .allSatisfy(n -> assertThat(n.recipientEmail()).isEqualTo("michael.brooks@wcs.example.org"));
        assertThat(mails(reference, "partner-approval-alert")).singleElement().satisfies(n -> {
            assertThat(n.recipientEmail()).isEqualTo("amina@cms.example.org");
            assertThat(n.subject()).isEqualTo("Wildlife Conservation Society has not answered on " + reference + " after 3 reminders");
        });
        assertThat(proposal).hasPassed(END_ALERTED_PATH).isWaitingAt(TASK_PARTNER_DECISION);

        complete(task(proposal), Map.of(PARTNER_DECISION, "WITHDRAW",
                PARTNER_DECISION_REASON, "No answer from WCS after four months"));
        assertThat(proposal).hasPassed(MARK_WITHDRAWN, END_WITHDRAWN).isEnded();
        assertThat(last(reference).toStatus()).isEqualTo(WITHDRAWN);
        assertThat(last(reference).reason()).isEqualTo("No answer from WCS after four months");
    }

    @Test
    void withdrawnWhileDrafting() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "CIC", INSTRUMENT_TYPE, "MEMORANDUM_OF_UNDERSTANDING",
                TITLE, "Memorandum of Understanding with CIC on sustainable hunting"));
        complete(task(proposal), Map.of(DRAFT_ACTION, "WITHDRAW", WITHDRAWAL_REASON, "CIC prefers to keep the 2005 agreement"));
        assertThat(proposal).hasPassed(MARK_WITHDRAWN).isEnded();
        assertThat(statuses(reference(proposal))).containsExactly(PROPOSED, DRAFTING, WITHDRAWN);
    }

    @Test
    void withdrawnByRestDuringConsultationAndNotAfterSignature() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "BLI", INSTRUMENT_TYPE, "MEMORANDUM_OF_UNDERSTANDING",
                TITLE, "Memorandum of Understanding with BirdLife on flyways", FAMILY_INSTRUMENTS, List.of("AEWA")));
        String reference = reference(proposal);
        submitDraft(proposal, "v1");
        assertThat(agreements.get(reference).status()).isEqualTo(IN_CONSULTATION);

        assertThat(post("/api/agreements/" + reference + "/withdrawal", "{\"reason\": \"short\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/agreements/" + reference + "/withdrawal",
                "{\"reason\": \"BirdLife asked to wait for its new strategy\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(proposal).hasPassed(WITHDRAWAL_REQUESTED, MARK_WITHDRAWN_ON_REQUEST).isEnded();
        assertThat(tasks(proposal, TASK_COMMENT_ON_DRAFT)).isEmpty();
        assertThat(statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_CONSULTATION, WITHDRAWN);

        ResponseEntity<String> tooLate = post("/api/agreements/CMS-CITES-2002/withdrawal",
                "{\"reason\": \"Changed our minds about it\"}");
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooLate.getBody()).contains("CMS-CITES-2002 is IN_FORCE: only a proposal not yet signed can be withdrawn");
    }

    @Test
    void aRenewedLetterOfCooperationSkipsConsultationAndLegalReviewAndSupersedesTheOldLetter() {
        ProcessInstance proposal = propose(Map.of(PARTNER_ACRONYM, "NOAA", INSTRUMENT_TYPE, "LETTER_OF_COOPERATION",
                TITLE, "Renewed Letter of Cooperation with NOAA", SUPERSEDES, "CMS-NOAA-2013",
                FAMILY_INSTRUMENTS, List.of("Sharks MoU")));
        String reference = reference(proposal);
        submitDraft(proposal, "v1");
        assertThat(proposal).hasNotPassed(MARK_IN_CONSULTATION, MARK_IN_LEGAL_REVIEW).isWaitingAt(TASK_CLEARANCE);
        complete(task(proposal), Map.of(CLEARANCE_DECISION, "CLEAR"));
        execute(job(proposal, REQUEST_PARTNER_APPROVAL));
        complete(task(proposal), Map.of(PARTNER_DECISION, "APPROVED"));
        assertThatThrownBy(() -> complete(task(proposal), signature(today.plusDays(3), "Silver Spring")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is in the future");
        complete(task(proposal), signature(today, "Silver Spring"));
        execute(job(proposal, NOTIFY_SIGNED));
        assertThat(statuses(reference)).containsExactly(PROPOSED, DRAFTING, AWAITING_CLEARANCE, AWAITING_PARTNER_APPROVAL,
                AWAITING_SIGNATURE, IN_FORCE);
        assertThat(agreements.get("CMS-NOAA-2013").status()).isEqualTo(SUPERSEDED);
        assertThat(agreements.get("CMS-NOAA-2013").supersededBy()).isEqualTo(reference);
        assertThat(agreements.get("CMS-NOAA-2013").nextReviewOn()).isNull();
    }

    @Test
    void aProposalThatCannotStandIsRefusedWithA400AndNothingIsWritten() {
        long agreementsBefore = agreements.count();
        long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
        ResponseEntity<JsonNode> refused = rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements",
                json("""
                        {"partnerAcronym": "NOBODY", "instrumentType": "TREATY", "agreementTitle": "",
                         "proposedTermStart": "2027-01-01", "proposedTermEnd": "2026-01-01",
                         "supersedesReference": "CMS-RAMSAR-1997"}"""), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
                "No partner with acronym NOBODY; register it as a new partner",
                "Unknown instrument type 'TREATY'; expected one of [MEMORANDUM_OF_UNDERSTANDING, MEMORANDUM_OF_COOPERATION, PARTNERSHIP_AGREEMENT, LETTER_OF_COOPERATION, MEMORANDUM_OF_AGREEMENT]",
                "The title is required",
                "The proposed term ends (2026-01-01) before it starts (2027-01-01)",
                "CMS-RAMSAR-1997 is SUPERSEDED: only an agreement in force can be superseded");

        ResponseEntity<JsonNode> duplicate = rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements",
                json("""
                        {"partnerAcronym": "IOTC", "instrumentType": "MEMORANDUM_OF_COOPERATION",
                         "agreementTitle": "Another MoC with IOTC", "proposedTermStart": "2027-01-01"}"""), JsonNode.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(duplicate.getBody().get("detail").asText())
                .isEqualTo("A proposal for a Memorandum of Cooperation with IOTC is already under way: CMS-IOTC-2015 (AWAITING_PARTNER_APPROVAL)");

        assertThat(agreements.count()).isEqualTo(agreementsBefore);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);

        ResponseEntity<JsonNode> accepted = rest.withBasicAuth("oliver", "oliver").postForEntity("/api/agreements",
                json("""
                        {"partnerAcronym": "ZSL", "instrumentType": "MEMORANDUM_OF_UNDERSTANDING",
                         "agreementTitle": "Memorandum of Understanding with ZSL on climate research",
                         "proposedTermStart": "2027-01-01"}"""), JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = accepted.getBody().get("reference").asText();
        assertThat(agreements.get(reference).proposedBy()).isEqualTo("oliver");
        engine.getRuntimeService().deleteProcessInstance(accepted.getBody().get("processInstanceId").asText(), "test done");
    }

    // ---------------------------------------------------------------- helpers

    static final String END_ALERTED_PATH = "endEvent_executiveSecretaryAlerted";

    private ProcessInstance propose(Map<String, Object> fields) {
        return proposeAs("oliver", fields);
    }

    private ProcessInstance proposeAs(String user, Map<String, Object> fields) {
        Map<String, Object> proposal = new HashMap<>(Map.of(PARTNER_CHOICE, "EXISTING", TERM_START, today.toString()));
        proposal.putAll(fields);
        engine.getIdentityService().setAuthentication(user, List.of(Groups.PARTNERSHIP_OFFICERS));
        try {
            return lifecycle.propose(proposal);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String reference(ProcessInstance proposal) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(proposal.getId())
                .singleResult().getBusinessKey();
    }

    /** Submits a draft; when consultation is due, with a deadline 14 days ahead (returned). */
    private LocalDate submitDraft(ProcessInstance proposal, String version) {
        LocalDate deadline = today.plusDays(14);
        complete(task(proposal), withVariables(DRAFT_ACTION, "SUBMIT", DRAFT_URL, "https://docs.cms.int/drafts/" + version.replace(" ", "-"),
                DRAFT_VERSION, version, TERMS_SUMMARY, "Cooperation on migratory species of common concern",
                CONSULTATION_DEADLINE_DATE, deadline.toString()));
        return deadline;
    }

    private void reachPartnerApproval(ProcessInstance proposal) {
        submitDraft(proposal, "v1");
        complete(task(proposal), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(proposal), Map.of(CLEARANCE_DECISION, "CLEAR"));
        execute(job(proposal, REQUEST_PARTNER_APPROVAL));
        assertThat(proposal).isWaitingAt(TASK_PARTNER_DECISION);
    }

    private static Map<String, Object> dueDiligence(boolean allPassed, String outcome, String notes) {
        Map<String, Object> form = new HashMap<>();
        RecordDueDiligence.CHECKLIST.keySet().forEach(check -> form.put(check, true));
        if (!allPassed) {
            form.put("ddNoSanctions", false);
        }
        form.put(RISK_RATING, allPassed ? "MEDIUM" : "HIGH");
        form.put(DUE_DILIGENCE_OUTCOME, outcome);
        form.put(DUE_DILIGENCE_NOTES, notes);
        if (outcome.equals("CLEARED_WITH_CONDITIONS")) {
            form.put(CONDITIONS, "No use of the CMS logo in advertising");
        }
        return form;
    }

    private static Map<String, Object> signature(LocalDate date, String place) {
        return Map.of(SIGNED_ON, date.toString(), PLACE_OF_SIGNATURE, place,
                SIGNATORY_CMS, "Amy Fraenkel, Executive Secretary", SIGNATORY_PARTNER, "Head of the partner organization");
    }

    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            complete(task(instance), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Task> tasks(ProcessInstance proposal, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey(taskKey)
                .list();
    }

    private Job job(ProcessInstance proposal, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(proposal.getId()).activityId(activityId)
                .singleResult();
    }

    private List<Job> timers(ProcessInstance proposal, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(proposal.getId()).activityId(activityId)
                .timers().list();
    }

    private List<AgreementStatus> statuses(String reference) {
        return agreements.history(reference).stream().map(StatusChange::toStatus).toList();
    }

    private StatusChange last(String reference) {
        List<StatusChange> history = agreements.history(reference);
        return history.get(history.size() - 1);
    }

    private List<Notification> mails(String reference, String template) {
        return new ArrayList<>(notificationLog.search(reference, null, template, 100));
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(RegisterClock.at(day, LocalTime.of(10, 0)));
    }

    private ResponseEntity<String> post(String url, String body) {
        return rest.withBasicAuth("oliver", "oliver").postForEntity(url, json(body), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
