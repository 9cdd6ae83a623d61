package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.TITLE;
import static org.cms.partnerships.register.AgreementStatus.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerCategory;
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
 * Every path of partnership-agreement, as the Secretariat's people walk it: each test asserts the
 * path, the register's status history (each stage declares its status on the model), the comments
 * kept on the agreement and the e-mails. Timers and e-mail jobs are driven by hand.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipAgreementProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired AgreementService agreements;
    @Autowired ProcessDriver driver;
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
        driver.resetClock();
        engine.getIdentityService().clearAuthentication();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void privateSectorPartnerFailingDueDiligenceIsRejected() {
        ProcessInstance proposal = proposeAs("oliver", form().and(ACRONYM, "LH")
                .and(INSTRUMENT_TYPE, InstrumentType.PARTNERSHIP_AGREEMENT)
                .and(TITLE, "Partnership agreement between Lufthansa and CMS"));
        String reference = driver.businessKey(proposal);
        assertThat(proposal).hasPassed(DECIDE_ROUTE).isWaitingAt(TASK_DUE_DILIGENCE);
        Task dueDiligence = driver.task(proposal, TASK_DUE_DILIGENCE);
        assertThat(dueDiligence).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(dueDiligence.getName()).isEqualTo("Carry out due diligence · LH · " + reference);
        assertThat(agreements.get(reference).status()).isEqualTo(IN_DUE_DILIGENCE);

        assertThat(driver.refusal(() -> submit(proposal, TASK_DUE_DILIGENCE,
                dueDiligence(false, DueDiligenceOutcome.CLEARED, ""))))
                .hasMessageContaining("cannot be cleared without conditions");
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, proposal, TASK_DUE_DILIGENCE, dueDiligence(false,
                DueDiligenceOutcome.REJECTED, "Under investigation by the competition authority"));

        assertThat(proposal).hasPassed(MILESTONE_REJECTED).isWaitingAt(NOTIFY_REJECTED);
        driver.run(proposal, NOTIFY_REJECTED);
        assertThat(proposal).hasPassed(END_REJECTED).hasNotPassed(TASK_DRAFT).isEnded();
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, IN_DUE_DILIGENCE, REJECTED);
        assertThat(driver.lastStatusChange(reference).reason())
                .isEqualTo("Rejected in due diligence: Under investigation by the competition authority");
        assertThat(driver.lastStatusChange(reference).changedBy()).isEqualTo("oliver");
        assertThat(agreements.history(reference).get(0).changedBy()).isEqualTo("oliver");
        assertThat(driver.mails(reference, "agreement-rejected")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("oliver@cms.example.org"));
    }

    @Test
    void privateCompanyClearedWithConditionsGoesThroughEveryGroupToSignature() {
        ProcessInstance proposal = proposeAs("oliver", form().and(PARTNER_CHOICE, PartnerChoice.NEW)
                .and(ACRONYM, "AVIAVERDE").and(NEW_PARTNER_NAME, "Aviaverde Airlines AG")
                .and(NEW_PARTNER_CATEGORY, PartnerCategory.PRIVATE_SECTOR).and(FOCAL_POINT_NAME, "Lea Brunner")
                .and(FOCAL_POINT_EMAIL, "lea.brunner@aviaverde.example.org").and(FOCAL_POINT_LANGUAGE, Language.FR)
                .and(INSTRUMENT_TYPE, InstrumentType.PARTNERSHIP_AGREEMENT)
                .and(TITLE, "Partnership agreement on migratory birds and aviation")
                .and(FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS")));
        String reference = driver.businessKey(proposal);
        assertThat(reference).isEqualTo("CMS-AVIAVERDE-" + today.getYear());

        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, proposal, TASK_DUE_DILIGENCE,
                dueDiligence(true, DueDiligenceOutcome.CLEARED_WITH_CONDITIONS, ""));
        assertThat(agreements.get(reference).conditions()).isEqualTo("No use of the CMS logo in advertising");
        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        submitDraft(proposal, "v1");
        assertThat(agreements.get(reference).status()).isEqualTo(IN_CONSULTATION);

        List<Task> consultations = driver.tasks(proposal, TASK_COMMENT_ON_DRAFT);
        // Each consultation is the consulted secretariat's own: its group is the only candidate.
        assertThat(consultations).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup(Groups.familySecretariat(
                CONSULTED_SECRETARIAT.read(engine.getTaskService().getVariable(t.getId(), CONSULTED_SECRETARIAT.name())))));
        assertThat(consultations).extracting(Task::getName).contains(
                "Comment on the draft (AEWA) · AVIAVERDE · " + reference, "Comment on the draft (EUROBATS) · AVIAVERDE · " + reference);
        for (Task consultation : consultations) {
            engine.getTaskService().complete(consultation.getId(),
                    form().and(CONSULTATION_COMMENTS, "Add bat collisions to the scope").asMap());
        }
        assertThat(proposal).hasPassed(END_COMMENTED).isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(driver.task(proposal, TASK_LEGAL_REVIEW)).hasCandidateGroup(Groups.LEGAL_OFFICERS);
        driver.complete("lena", Groups.LEGAL_OFFICERS, proposal, TASK_LEGAL_REVIEW,
                form().and(LEGAL_DECISION, LegalDecision.APPROVED).asMap());
        assertThat(driver.task(proposal, TASK_CLEARANCE)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, proposal, TASK_CLEARANCE,
                form().and(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap());
        assertThat(proposal).hasNotPassed(ENDORSEMENT).isWaitingAt(REQUEST_PARTNER_APPROVAL);
        driver.run(proposal, REQUEST_PARTNER_APPROVAL);
        assertThat(driver.mails(reference, "partner-approval-request")).singleElement().satisfies(n -> {
            assertThat(n.recipientEmail()).isEqualTo("lea.brunner@aviaverde.example.org");
            assertThat(n.subject()).isEqualTo("Partnership agreement on migratory birds and aviation : demande d'approbation");
        });

        ResponseEntity<String> decided = post("/api/agreements/" + reference + "/partner-decision",
                "{\"decision\": \"APPROVED\", \"date\": \"" + today + "\"}");
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(proposal).hasPassed(TASK_PARTNER_DECISION).isWaitingAt(TASK_SIGNATURE);
        assertThat(driver.task(proposal, TASK_SIGNATURE)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        assertThat(commentsShownOn(proposal, TASK_SIGNATURE)).contains("**Executive Secretary** (amina) · clearance · ",
                "**AEWA** (system) · consultation · ", "**Code of Conduct** (oliver) · due diligence · ");
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, proposal, TASK_SIGNATURE, signature(today, "Bonn"));
        driver.run(proposal, NOTIFY_SIGNED);

        assertThat(proposal).hasPassed(END_IN_FORCE).isEnded();
        Agreement signed = agreements.get(reference);
        assertThat(signed.status()).isEqualTo(IN_FORCE);
        assertThat(signed.signedOn()).isEqualTo(today);
        assertThat(signed.nextReviewOn()).isEqualTo(today.plusYears(1));
        assertThat(signed.signatoryCms()).isEqualTo("Amy Fraenkel, Executive Secretary");
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, IN_DUE_DILIGENCE, DRAFTING,
                IN_CONSULTATION, IN_LEGAL_REVIEW, AWAITING_CLEARANCE, AWAITING_PARTNER_APPROVAL,
                AWAITING_SIGNATURE, IN_FORCE);
        assertThat(driver.lastStatusChange(reference).changedBy()).isEqualTo("amina");
        assertThat(agreements.comments(reference)).extracting(AgreementService.Comment::kind)
                .containsExactly("DUE_DILIGENCE", "CONSULTATION", "CONSULTATION", "LEGAL_REVIEW", "CLEARANCE", "PARTNER_DECISION");
        assertThat(driver.mails(reference, "agreement-signed")).extracting(Notification::recipientEmail)
                .containsExactlyInAnyOrder("lea.brunner@aviaverde.example.org", "aewa@cms.example.org",
                        "eurobats@cms.example.org", "marc@cms.example.org");
    }

    @Test
    void meaAgreementWithASilentSecretariatDeferredThenEndorsedSupersedesTheOldOne() {
        ProcessInstance proposal = proposeAs("paula", form().and(ACRONYM, "RAMSAR")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Renewed Memorandum of Understanding with Ramsar")
                .and(FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS")).and(SUPERSEDES, "CMS-RAMSAR-2011"));
        String reference = driver.businessKey(proposal);
        assertThat(proposal).hasNotPassed(TASK_DUE_DILIGENCE);
        LocalDate deadline = submitDraft(proposal, "v1");

        for (Job reminder : driver.jobs(proposal, CONSULTATION_REMINDER_DUE)) {
            engine.getManagementService().executeJob(reminder.getId());
        }
        for (Job send : driver.jobs(proposal, REMIND_SECRETARIAT)) {
            engine.getManagementService().executeJob(send.getId());
        }
        assertThat(driver.mails(reference, "consultation-reminder")).extracting(Notification::recipientEmail)
                .containsExactlyInAnyOrder("aewa@cms.example.org", "eurobats@cms.example.org");

        Task aewa = driver.tasks(proposal, TASK_COMMENT_ON_DRAFT).stream().filter(t -> t.getName().contains("(AEWA)"))
                .findFirst().orElseThrow();
        engine.getTaskService().complete(aewa.getId(), form().and(CONSULTATION_COMMENTS, "Include the flyway approach").asMap());
        driver.moveClockTo(deadline.plusDays(1));
        driver.run(proposal, CONSULTATION_DEADLINE);
        driver.resetClock();
        assertThat(proposal).hasPassed(END_NO_COMMENTS).isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(agreements.comments(reference)).extracting(AgreementService.Comment::source, AgreementService.Comment::text)
                .contains(Tuple.tuple("AEWA", "Include the flyway approach"),
                        Tuple.tuple("EUROBATS", "No comments: no answer by the deadline of " + deadline));

        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.APPROVED)
                .and(LEGAL_COMMENTS, "Standard clauses").asMap());
        submit(proposal, TASK_CLEARANCE, form().and(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap());
        assertThat(proposal).isWaitingAt(ENDORSEMENT);
        assertThat(agreements.get(reference).status()).isEqualTo(AWAITING_ENDORSEMENT);
        ProcessInstance committee = endorsement.calledBy(proposal);
        endorsement.decideAtMeeting(committee, 70, "CMS/StC70/RAMSAR", "DEFERRED");
        assertThat(proposal).isWaitingAt(ENDORSEMENT);
        endorsement.decideAtMeeting(committee, 71, "CMS/StC71/RAMSAR", "ENDORSED");
        assertThat(driver.mails(reference, "endorsement-documents")).hasSize(34);

        assertThat(proposal).hasPassed(ENDORSEMENT).isWaitingAt(REQUEST_PARTNER_APPROVAL);
        driver.run(proposal, REQUEST_PARTNER_APPROVAL);
        submit(proposal, TASK_PARTNER_DECISION, form().and(PARTNER_DECISION, PartnerDecision.APPROVED)
                .and(PARTNER_DECISION_DATE, today).asMap());
        submit(proposal, TASK_SIGNATURE, signature(today, "Gland"));
        driver.run(proposal, NOTIFY_SIGNED);

        assertThat(proposal).isEnded();
        Agreement renewed = agreements.get(reference);
        Agreement old = agreements.get("CMS-RAMSAR-2011");
        assertThat(renewed.status()).isEqualTo(IN_FORCE);
        assertThat(renewed.supersedes()).isEqualTo("CMS-RAMSAR-2011");
        assertThat(old.status()).isEqualTo(SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo(reference);
        assertThat(driver.lastStatusChange("CMS-RAMSAR-2011").reason()).isEqualTo("Superseded by " + reference);
        assertThat(renewed.endorsementReference()).contains("CMS/StC70/RAMSAR", "DEFERRED", "CMS/StC71/RAMSAR", "ENDORSED");
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_CONSULTATION,
                IN_LEGAL_REVIEW, AWAITING_CLEARANCE, AWAITING_ENDORSEMENT, AWAITING_PARTNER_APPROVAL, AWAITING_SIGNATURE,
                IN_FORCE);
    }

    @Test
    void legalChangesAndAReturnFromClearanceLoopBackToDraftingBeforeARejection() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "IFAW")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Memorandum of Understanding with IFAW on marine mammals"));
        String reference = driver.businessKey(proposal);
        submitDraft(proposal, "v1");
        assertThat(proposal).hasNotPassed(MILESTONE_IN_CONSULTATION).isWaitingAt(TASK_LEGAL_REVIEW);

        assertThat(driver.refusal(() -> submit(proposal, TASK_LEGAL_REVIEW,
                form().and(LEGAL_DECISION, LegalDecision.CHANGES_REQUIRED).asMap())))
                .hasMessageContaining("Say which changes are required");
        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.CHANGES_REQUIRED)
                .and(LEGAL_COMMENTS, "Add a dispute settlement clause").asMap());
        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), REVISION_REASON.name()))
                .isEqualTo("Legal review requires changes: Add a dispute settlement clause");
        assertThat(driver.lastStatusChange(reference).reason()).isEqualTo("Legal review requires changes: Add a dispute settlement clause");

        submitDraft(proposal, "v2");
        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.APPROVED).asMap());
        submit(proposal, TASK_CLEARANCE, form().and(CLEARANCE_DECISION, ClearanceDecision.RETURNED)
                .and(CLEARANCE_COMMENTS, "Shorten the annex on sharks").asMap());
        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        assertThat(driver.lastStatusChange(reference).reason()).isEqualTo("Returned by the Executive Secretary: Shorten the annex on sharks");

        submitDraft(proposal, "v3");
        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.APPROVED).asMap());
        submit(proposal, TASK_CLEARANCE, form().and(CLEARANCE_DECISION, ClearanceDecision.REJECTED)
                .and(CLEARANCE_COMMENTS, "Overlaps the existing agreement").asMap());
        driver.run(proposal, NOTIFY_REJECTED);
        assertThat(proposal).hasPassed(END_REJECTED).isEnded();
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_LEGAL_REVIEW, DRAFTING,
                IN_LEGAL_REVIEW, AWAITING_CLEARANCE, DRAFTING, IN_LEGAL_REVIEW, AWAITING_CLEARANCE, REJECTED);
        assertThat(agreements.get(reference).draftVersion()).isEqualTo("v3");
    }

    @Test
    void reviewersSeeWhatWasSaidSoFarEscapedWithTheNewestFirst() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "CBD")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Memorandum of Understanding with CBD on migratory species in NBSAPs")
                .and(FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS")));
        String reference = driver.businessKey(proposal);
        assertThat(commentsShownOn(proposal, TASK_DRAFT)).isEqualTo(CommentsSoFar.NONE);
        submitDraft(proposal, "v1");
        for (Task consultation : driver.tasks(proposal, TASK_COMMENT_ON_DRAFT)) {
            boolean aewa = consultation.getName().contains("(AEWA)");
            Map<String, Object> comments = form().and(CONSULTATION_COMMENTS, aewa
                    ? "Please reflect the flyway approach <img src=x> of [our guidelines](http://evil.example)"
                    : "Add bat collisions to the scope").asMap();
            // A secretariat works in Tasklist through the shared group and its own, which alone may take its task.
            driver.as(aewa ? "aewa" : "eurobats", List.of(Groups.FAMILY_SECRETARIATS, Groups.familySecretariat(aewa ? "AEWA" : "EUROBATS")),
                    () -> {
                        engine.getTaskService().complete(consultation.getId(), comments);
                        return null;
                    });
        }

        String shownToLegal = commentsShownOn(proposal, TASK_LEGAL_REVIEW);
        assertThat(shownToLegal).contains(
                "- **AEWA** · consultation · " + today + " · Please reflect the flyway approach &lt;img src=x&gt; of "
                        + "\\[our guidelines\\]\\(http://evil.example\\)",
                "- **EUROBATS** · consultation · " + today + " · Add bat collisions to the scope")
                .doesNotContain("<img", "](");
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), COMMENTS_SO_FAR.name()))
                .as("task-local: gone with the task").isNull();
        driver.complete("lena", Groups.LEGAL_OFFICERS, proposal, TASK_LEGAL_REVIEW,
                form().and(LEGAL_DECISION, LegalDecision.APPROVED).and(LEGAL_COMMENTS, "Standard clauses").asMap());
        assertThat(commentsShownOn(proposal, TASK_CLEARANCE).lines().findFirst().orElseThrow())
                .isEqualTo("- **Legal** (lena) · legal review · " + today + " · APPROVED: Standard clauses");
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, proposal, TASK_CLEARANCE, form()
                .and(CLEARANCE_DECISION, ClearanceDecision.RETURNED)
                .and(CLEARANCE_COMMENTS, "Reflect the AEWA comments on flyways").asMap());

        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        String shownForRedrafting = commentsShownOn(proposal, TASK_DRAFT);
        assertThat(shownForRedrafting.lines().findFirst().orElseThrow()).isEqualTo("- **Executive Secretary** (amina) · clearance · "
                + today + " · RETURNED: Reflect the AEWA comments on flyways");
        assertThat(shownForRedrafting).contains("**AEWA** · consultation", "**EUROBATS** · consultation");

        submitDraft(proposal, "v2");
        for (Task consultation : driver.tasks(proposal, TASK_COMMENT_ON_DRAFT)) {
            engine.getTaskService().complete(consultation.getId(), form().and(CONSULTATION_COMMENTS, "Fine now").asMap());
        }
        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.APPROVED).asMap());
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, proposal, TASK_CLEARANCE,
                form().and(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap());
        ProcessInstance committee = endorsement.calledBy(proposal);
        assertThat(commentsShownOn(committee, org.cms.partnerships.endorsement.EndorsementProcess.TASK_SCHEDULE))
                .startsWith("- **Executive Secretary** (amina) · clearance · " + today + " · CLEARED")
                .contains("RETURNED: Reflect the AEWA comments on flyways", "&lt;img src=x&gt;");

        endorsement.decideAtMeeting(committee, 74, "CMS/StC74/CBD", "NOT_ENDORSED");
        driver.run(proposal, NOTIFY_REJECTED);
        assertThat(proposal).isEnded();
        assertThat(agreements.comments(reference)).hasSize(9);
    }

    @Test
    void endorsedWithAmendmentsGoesBackToDraftingAndStraightBackToTheCommitteeWhichThenRefuses() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "SPREP")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Memorandum of Understanding with SPREP on Pacific cetaceans"));
        String reference = driver.businessKey(proposal);
        submitDraft(proposal, "v1");
        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.APPROVED).asMap());
        submit(proposal, TASK_CLEARANCE, form().and(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap());
        endorsement.decideAtMeeting(endorsement.calledBy(proposal), 72, "CMS/StC72/SPREP", "ENDORSED_WITH_AMENDMENTS");

        assertThat(proposal).isWaitingAt(TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), REVISION_REASON.name()).toString())
                .startsWith("Endorsed with amendments by the Standing Committee");
        submitDraft(proposal, "v2 as amended");
        assertThat(proposal).isWaitingAt(ENDORSEMENT);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(proposal.getId())
                .activityId(TASK_LEGAL_REVIEW).count()).isEqualTo(1);

        endorsement.decideAtMeeting(endorsement.calledBy(proposal), 73, "CMS/StC73/SPREP", "NOT_ENDORSED");
        driver.run(proposal, NOTIFY_REJECTED);
        assertThat(proposal).hasPassed(END_REJECTED).isEnded();
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_LEGAL_REVIEW, AWAITING_CLEARANCE,
                AWAITING_ENDORSEMENT, DRAFTING, AWAITING_ENDORSEMENT, REJECTED);
        assertThat(driver.lastStatusChange(reference).reason()).startsWith("Not endorsed by the Standing Committee");
    }

    @Test
    void aPartnerDecliningByRestEndsTheProposal() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "WWF-DE")
                .and(INSTRUMENT_TYPE, InstrumentType.PARTNERSHIP_AGREEMENT)
                .and(TITLE, "Partnership agreement with WWF Germany on the KAZA region"));
        String reference = driver.businessKey(proposal);
        reachPartnerApproval(proposal);
        ResponseEntity<String> tooShort = post("/api/agreements/" + reference + "/partner-decision",
                "{\"decision\": \"DECLINED\", \"reason\": \"no\"}");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/agreements/" + reference + "/partner-decision",
                "{\"decision\": \"DECLINED\", \"reason\": \"The board prefers a joint work plan only\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        driver.run(proposal, NOTIFY_REJECTED);
        assertThat(proposal).hasPassed(TASK_PARTNER_DECISION, MILESTONE_REJECTED, END_REJECTED).isEnded();
        assertThat(driver.lastStatusChange(reference).toStatus()).isEqualTo(REJECTED);
        assertThat(driver.lastStatusChange(reference).reason()).isEqualTo("Declined by the partner: The board prefers a joint work plan only");
        assertThat(agreements.comments(reference)).extracting(AgreementService.Comment::kind, AgreementService.Comment::source)
                .contains(Tuple.tuple("PARTNER_DECISION", "WWF-DE"));
        assertThat(post("/api/agreements/" + reference + "/partner-decision", "{\"decision\": \"APPROVED\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aSilentPartnerIsRemindedEveryMonthTheExecutiveSecretaryAlertedAfterTheThirdAndTheOfficerWithdraws() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "WCS")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Memorandum of Understanding with WCS on Central Asian mammals"));
        String reference = driver.businessKey(proposal);
        reachPartnerApproval(proposal);

        for (int month = 1; month <= 4; month++) {
            Job timer = driver.job(proposal, PARTNER_REMINDER_DUE);
            assertThat(timer.getDuedate()).isAfter(new Date());
            engine.getManagementService().executeJob(timer.getId());
            driver.run(proposal, REMIND_PARTNER);
            if (month == 3) {
                driver.run(proposal, ALERT_EXECUTIVE_SECRETARY);
            }
        }
        assertThat(engine.getRuntimeService().getVariable(proposal.getId(), PARTNER_REMINDERS_SENT.name())).isEqualTo(4);
        assertThat(driver.mails(reference, "partner-approval-reminder")).hasSize(4)
                .allSatisfy(n -> assertThat(n.recipientEmail()).isEqualTo("michael.brooks@wcs.example.org"));
        assertThat(driver.mails(reference, "partner-approval-alert")).singleElement().satisfies(n -> {
            assertThat(n.recipientEmail()).isEqualTo("amina@cms.example.org");
            assertThat(n.subject()).isEqualTo("Wildlife Conservation Society has not answered on " + reference + " after 3 reminders");
        });
        assertThat(proposal).hasPassed(END_EXECUTIVE_SECRETARY_ALERTED).isWaitingAt(TASK_PARTNER_DECISION);

        submit(proposal, TASK_PARTNER_DECISION, form().and(PARTNER_DECISION, PartnerDecision.WITHDRAWN)
                .and(PARTNER_DECISION_REASON, "No answer from WCS after four months").asMap());
        assertThat(proposal).hasPassed(END_WITHDRAWN_AWAITING_PARTNER).isEnded();
        assertThat(driver.lastStatusChange(reference).toStatus()).isEqualTo(WITHDRAWN);
        assertThat(driver.lastStatusChange(reference).reason()).isEqualTo("No answer from WCS after four months");
    }

    @Test
    void withdrawnWhileDrafting() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "CIC")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Memorandum of Understanding with CIC on sustainable hunting"));
        submit(proposal, TASK_DRAFT, form().and(DRAFT_ACTION, DraftAction.WITHDRAWN)
                .and(WITHDRAWAL_REASON, "CIC prefers to keep the 2005 agreement").asMap());
        assertThat(proposal).hasPassed(END_WITHDRAWN_WHILE_DRAFTING).isEnded();
        assertThat(driver.statuses(driver.businessKey(proposal))).containsExactly(PROPOSED, DRAFTING, WITHDRAWN);
        assertThat(driver.lastStatusChange(driver.businessKey(proposal)).reason()).isEqualTo("CIC prefers to keep the 2005 agreement");
    }

    @Test
    void withdrawnByRestDuringConsultationAndNotAfterSignature() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "BLI")
                .and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                .and(TITLE, "Memorandum of Understanding with BirdLife on flyways").and(FAMILY_INSTRUMENTS, List.of("AEWA")));
        String reference = driver.businessKey(proposal);
        submitDraft(proposal, "v1");
        assertThat(agreements.get(reference).status()).isEqualTo(IN_CONSULTATION);

        assertThat(post("/api/agreements/" + reference + "/withdrawal", "{\"reason\": \"short\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/agreements/" + reference + "/withdrawal",
                "{\"reason\": \"BirdLife asked to wait for its new strategy\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(proposal).hasPassed(WITHDRAWAL_REQUESTED, END_WITHDRAWN_ON_REQUEST).isEnded();
        assertThat(driver.tasks(proposal, TASK_COMMENT_ON_DRAFT)).isEmpty();
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, DRAFTING, IN_CONSULTATION, WITHDRAWN);
        assertThat(driver.lastStatusChange(reference).reason()).isEqualTo("BirdLife asked to wait for its new strategy");
        assertThat(driver.lastStatusChange(reference).changedBy()).isEqualTo("oliver");

        ResponseEntity<String> tooLate = post("/api/agreements/CMS-CITES-2002/withdrawal",
                "{\"reason\": \"Changed our minds about it\"}");
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooLate.getBody()).contains("CMS-CITES-2002 is IN_FORCE: only a proposal not yet signed can be withdrawn");
    }

    @Test
    void aRenewedLetterOfCooperationSkipsConsultationAndLegalReviewAndSupersedesTheOldLetter() {
        ProcessInstance proposal = propose(form().and(ACRONYM, "NOAA")
                .and(INSTRUMENT_TYPE, InstrumentType.LETTER_OF_COOPERATION)
                .and(TITLE, "Renewed Letter of Cooperation with NOAA").and(SUPERSEDES, "CMS-NOAA-2013")
                .and(FAMILY_INSTRUMENTS, List.of("Sharks MoU")));
        String reference = driver.businessKey(proposal);
        submitDraft(proposal, "v1");
        assertThat(proposal).hasNotPassed(MILESTONE_IN_CONSULTATION, TASK_LEGAL_REVIEW).isWaitingAt(TASK_CLEARANCE);
        submit(proposal, TASK_CLEARANCE, form().and(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap());
        driver.run(proposal, REQUEST_PARTNER_APPROVAL);
        submit(proposal, TASK_PARTNER_DECISION, form().and(PARTNER_DECISION, PartnerDecision.APPROVED).asMap());
        assertThat(driver.refusal(() -> submit(proposal, TASK_SIGNATURE, signature(today.plusDays(3), "Silver Spring"))))
                .hasMessageContaining("is in the future");
        submit(proposal, TASK_SIGNATURE, signature(today, "Silver Spring"));
        driver.run(proposal, NOTIFY_SIGNED);
        assertThat(driver.statuses(reference)).containsExactly(PROPOSED, DRAFTING, AWAITING_CLEARANCE,
                AWAITING_PARTNER_APPROVAL, AWAITING_SIGNATURE, IN_FORCE);
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
                "The instrument type 'TREATY' is not one of MEMORANDUM_OF_UNDERSTANDING, MEMORANDUM_OF_COOPERATION, PARTNERSHIP_AGREEMENT, LETTER_OF_COOPERATION, MEMORANDUM_OF_AGREEMENT",
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
        engine.getRuntimeService().deleteProcessInstance(driver.instance(KEY, reference).getId(), "test done");
    }

    // ---------------------------------------------------------------- helpers

    /** A form's or a proposal's values, written the way Tasklist and REST clients send them. */
    private static ProcessValues form() {
        return ProcessValues.empty();
    }

    private ProcessInstance propose(ProcessValues fields) {
        return proposeAs("oliver", fields);
    }

    private ProcessInstance proposeAs(String user, ProcessValues fields) {
        Map<String, Object> proposal = form().and(PARTNER_CHOICE, PartnerChoice.EXISTING).and(TERM_START, today).asMap();
        proposal.putAll(fields.asMap());
        String reference = driver.as(user, List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(proposal));
        return driver.instance(KEY, reference);
    }

    /** What the form of the instance's open task {@code taskKey} shows as said so far (its task-local variable). */
    private String commentsShownOn(ProcessInstance instance, String taskKey) {
        Task task = driver.task(instance, taskKey);
        return COMMENTS_SO_FAR.read(engine.getTaskService().getVariableLocal(task.getId(), COMMENTS_SO_FAR.name()));
    }

    /** Completes the task as Tasklist would for a caller without a user session (the register records "system"). */
    private void submit(ProcessInstance instance, String taskKey, Map<String, Object> form) {
        engine.getTaskService().complete(driver.task(instance, taskKey).getId(), form);
    }

    /** Submits a draft; when consultation is due, with a deadline 14 days ahead (returned). */
    private LocalDate submitDraft(ProcessInstance proposal, String version) {
        LocalDate deadline = today.plusDays(14);
        submit(proposal, TASK_DRAFT, form().and(DRAFT_ACTION, DraftAction.SUBMITTED)
                .and(DRAFT_URL, "https://docs.cms.int/drafts/" + version.replace(" ", "-")).and(DRAFT_VERSION, version)
                .and(TERMS_SUMMARY, "Cooperation on migratory species of common concern")
                .and(CONSULTATION_DEADLINE_DATE, deadline).asMap());
        return deadline;
    }

    private void reachPartnerApproval(ProcessInstance proposal) {
        submitDraft(proposal, "v1");
        submit(proposal, TASK_LEGAL_REVIEW, form().and(LEGAL_DECISION, LegalDecision.APPROVED).asMap());
        submit(proposal, TASK_CLEARANCE, form().and(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap());
        driver.run(proposal, REQUEST_PARTNER_APPROVAL);
        assertThat(proposal).isWaitingAt(TASK_PARTNER_DECISION);
    }

    private static Map<String, Object> dueDiligence(boolean allPassed, DueDiligenceOutcome outcome, String notes) {
        ProcessValues form = form();
        RecordDueDiligence.CHECKLIST.keySet().forEach(check -> form.and(check, true));
        if (!allPassed) {
            RecordDueDiligence.CHECKLIST.keySet().stream().filter(c -> c.name().equals("ddNoSanctions"))
                    .forEach(check -> form.and(check, false));
        }
        form.and(RISK_RATING, allPassed ? RiskRating.MEDIUM : RiskRating.HIGH).and(DUE_DILIGENCE_OUTCOME, outcome)
                .and(DUE_DILIGENCE_NOTES, notes);
        if (outcome == DueDiligenceOutcome.CLEARED_WITH_CONDITIONS) {
            form.and(CONDITIONS, "No use of the CMS logo in advertising");
        }
        return form.asMap();
    }

    private static Map<String, Object> signature(LocalDate date, String place) {
        return form().and(SIGNED_ON, date).and(PLACE_OF_SIGNATURE, place)
                .and(SIGNATORY_CMS, "Amy Fraenkel, Executive Secretary")
                .and(SIGNATORY_PARTNER, "Head of the partner organization").asMap();
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
