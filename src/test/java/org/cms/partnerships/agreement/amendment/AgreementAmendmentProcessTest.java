package org.cms.partnerships.agreement.amendment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.cms.partnerships.agreement.AgreementProcess.LegalDecision;
import static org.cms.partnerships.support.ProcessDriver.values;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.EndorsementDriver;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.transaction.support.TransactionTemplate;

/** Each amendment type takes its route; the agreement keeps its reference and gains numbered amendments. */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementAmendmentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired AmendmentProcess amendmentProcess;
    @Autowired AmendmentService amendments;
    @Autowired AgreementService agreements;
    @Autowired TestRestTemplate rest;
    @Autowired TransactionTemplate transactions;

    EndorsementDriver endorsement;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        endorsement = new EndorsementDriver(engine);
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    private ProcessInstance propose(String reference, String type, String description, String newScope, String newExpiresOn) {
        return driver.instance(KEY, amendmentProcess.propose(reference, type, description, newScope, newExpiresOn));
    }

    private void legal(ProcessInstance amendment, Object... form) {
        driver.complete("lena", Groups.LEGAL_OFFICERS, amendment, TASK_LEGAL_REVIEW, values(form));
    }

    private void executiveSecretary(ProcessInstance amendment, Object... form) {
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, amendment, TASK_APPROVE, values(form));
    }

    private void revise(ProcessInstance amendment, String description) {
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, amendment, TASK_REVISE, values(DESCRIPTION, description));
    }

    @Test
    void anAdministrativeCorrectionNeedsOnlyTheOfficerAndLegal() {
        ProcessInstance amendment = propose("CMS-WI-1997", "ADMINISTRATIVE_CORRECTION",
                "Correct the name of the partner to Wetlands International", null, null);
        assertThat(amendment).hasBusinessKey("CMS-WI-1997/A1").isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(driver.task(amendment, TASK_LEGAL_REVIEW)).hasCandidateGroup(Groups.LEGAL_OFFICERS);
        assertThat(driver.refusal(() -> legal(amendment, LEGAL_DECISION, LegalDecision.CHANGES_REQUIRED)).getMessage())
                .contains("Say why");
        legal(amendment, LEGAL_DECISION, LegalDecision.CHANGES_REQUIRED, LEGAL_COMMENTS, "Quote the registered name exactly");
        assertThat(amendment).isWaitingAt(TASK_REVISE);
        revise(amendment, "Correct the name to Wetlands International (Stichting)");
        legal(amendment, LEGAL_DECISION, LegalDecision.APPROVED);

        assertThat(amendment).hasPassed(ADOPT, END_ADOPTED).hasNotPassed(TASK_APPROVE, ENDORSEMENT).isEnded();
        Amendment adopted = amendments.get("CMS-WI-1997", 1);
        assertThat(adopted.status()).isEqualTo(Amendment.Status.ADOPTED);
        assertThat(adopted.history()).extracting(Amendment.Event::event).containsExactly("OPENED",
                "LEGAL_REVIEW: CHANGES_REQUIRED", "REVISED", "LEGAL_REVIEW: APPROVED", "ADOPTED");
        assertThat(agreements.get("CMS-WI-1997").reference()).isEqualTo("CMS-WI-1997");
    }

    @Test
    void aChangeOfFocalPointsIsRecordedByTheOfficerAloneAndNumberedAfterEarlierOnes() {
        ProcessInstance first = propose("CMS-UNESCO-2002", "CHANGE_OF_FOCAL_POINTS",
                "New focal point at the World Heritage Centre", null, null);
        assertThat(first).hasPassed(ADOPT).hasNotPassed(TASK_LEGAL_REVIEW, TASK_APPROVE, ENDORSEMENT).isEnded();
        String second = amendmentProcess.propose("CMS-UNESCO-2002", "CHANGE_OF_FOCAL_POINTS",
                "New signatory for UNESCO after the reorganization", null, null);
        assertThat(second).isEqualTo("CMS-UNESCO-2002/A2");
        assertThat(driver.instance(KEY, second)).isEnded();
        assertThat(amendments.of("CMS-UNESCO-2002")).extracting(Amendment::number).containsExactly(1, 2);
    }

    @Test
    void aScopeChangeWithAConventionGoesToTheExecutiveSecretaryAndTheStandingCommittee() {
        ProcessInstance amendment = propose("CMS-BERN-2009", "CHANGE_OF_SCOPE",
                "Add wind energy and migratory birds to the scope", "Monk seal, birds, bats, cetaceans; wind energy and birds", null);
        legal(amendment, LEGAL_DECISION, LegalDecision.APPROVED);
        assertThat(driver.task(amendment, TASK_APPROVE)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        executiveSecretary(amendment, DECISION, Decision.APPROVED);
        assertThat(amendment).isWaitingAt(ENDORSEMENT);

        endorsement.decideAtMeeting(endorsement.calledBy(amendment), 75, "CMS/StC75/BERN-A1", "ENDORSED_WITH_AMENDMENTS");
        assertThat(amendment).isWaitingAt(TASK_REVISE);
        revise(amendment, "Add wind energy, birds and bats to the scope");
        legal(amendment, LEGAL_DECISION, LegalDecision.APPROVED);
        executiveSecretary(amendment, DECISION, Decision.APPROVED);
        endorsement.decideAtMeeting(endorsement.calledBy(amendment), 76, "CMS/StC76/BERN-A1", "ENDORSED");

        assertThat(amendment).hasPassed(END_ADOPTED).isEnded();
        assertThat(agreements.get("CMS-BERN-2009").scope()).isEqualTo("Monk seal, birds, bats, cetaceans; wind energy and birds");
        assertThat(agreements.get("CMS-BERN-2009").endorsementReference()).contains("CMS/StC76/BERN-A1");
    }

    @Test
    void aScopeChangeTheExecutiveSecretaryRejectsAndOneTheCommitteeRefuses() {
        ProcessInstance rejected = propose("CMS-WCS-2007", "CHANGE_OF_SCOPE",
                "Extend cooperation to marine protected areas", "Central Asian mammals, gorillas, sharks, marine protected areas", null);
        legal(rejected, LEGAL_DECISION, LegalDecision.APPROVED);
        assertThat(driver.refusal(() -> executiveSecretary(rejected, DECISION, Decision.REJECTED)).getMessage())
                .contains("Say why");
        executiveSecretary(rejected, DECISION, Decision.REJECTED, DECISION_COMMENT, "Not before the joint work plan is agreed");
        assertThat(rejected).hasPassed(REJECT, END_REJECTED).hasNotPassed(ENDORSEMENT).isEnded();
        assertThat(amendments.get("CMS-WCS-2007", 1).status()).isEqualTo(Amendment.Status.REJECTED);
        assertThat(amendments.get("CMS-WCS-2007", 1).history()).last()
                .satisfies(e -> assertThat(e.note()).isEqualTo("Rejected by the Executive Secretary: Not before the joint work plan is agreed"));

        ProcessInstance refused = propose("CMS-UNCCD-2003", "CHANGE_OF_SCOPE",
                "Add land degradation neutrality to the scope", "Drylands, ecological networks, land degradation neutrality", null);
        legal(refused, LEGAL_DECISION, LegalDecision.APPROVED);
        executiveSecretary(refused, DECISION, Decision.APPROVED);
        endorsement.decideAtMeeting(endorsement.calledBy(refused), 77, "CMS/StC77/UNCCD-A1", "NOT_ENDORSED");
        assertThat(refused).hasPassed(CLOSE_NOT_ENDORSED, END_NOT_ENDORSED).isEnded();
        assertThat(amendments.get("CMS-UNCCD-2003", 1).status()).isEqualTo(Amendment.Status.REJECTED);
        assertThat(amendments.get("CMS-UNCCD-2003", 1).history()).last()
                .satisfies(e -> assertThat(e.note()).startsWith("Not endorsed by the Standing Committee"));
    }

    @Test
    void anExtensionOfTermMovesTheEndDateAndASecondOpenAmendmentIsRefused() {
        LocalDate newEnd = RegisterClock.today().plusYears(5);
        ProcessInstance extension = propose("CMS-CIC-2005", "EXTENSION_OF_TERM",
                "Extend the partnership for five years", null, newEnd.toString());
        assertThatThrownBy(() -> amendmentProcess.propose("CMS-CIC-2005", "ADMINISTRATIVE_CORRECTION",
                "Fix a typo in article 3 of the agreement", null, null))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Amendment 1 of CMS-CIC-2005 is still open: one amendment at a time");
        assertThat(amendments.of("CMS-CIC-2005")).hasSize(1);
        ResponseEntity<String> overRest = post("/api/agreements/CMS-CIC-2005/amendments",
                "{\"type\": \"ADMINISTRATIVE_CORRECTION\", \"description\": \"Fix a typo in article 3 of the agreement\"}");
        assertThat(overRest.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        legal(extension, LEGAL_DECISION, LegalDecision.APPROVED);
        executiveSecretary(extension, DECISION, Decision.APPROVED);
        assertThat(extension).hasPassed(END_ADOPTED).isEnded();
        assertThat(agreements.get("CMS-CIC-2005").expiresOn()).isEqualTo(newEnd);
    }

    @Test
    void twoAmendmentsProposedAtTheSameTimeOpenOnlyOne() throws Exception {
        CountDownLatch firstOpened = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> attempt(() -> transactions.execute(status -> {
            Amendment opened = amendments.open("CMS-WWF-DE-2014", Amendment.Type.ADMINISTRATIVE_CORRECTION,
                    "Correct the spelling of the partner's name", null, null, "oliver");
            firstOpened.countDown();
            pause(300); // still uncommitted while the second one tries
            return opened;
        })));
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> {
            await(firstOpened);
            return attempt(() -> transactions.execute(status -> amendments.open("CMS-WWF-DE-2014",
                    Amendment.Type.ADMINISTRATIVE_CORRECTION, "Correct the date in article 7", null, null, "oliver")));
        });
        List<Object> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        assertThat(outcomes.get(0)).isInstanceOf(Amendment.class);
        assertThat(outcomes.get(1)).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).getMessage()).contains("one amendment at a time"));
        assertThat(amendments.of("CMS-WWF-DE-2014")).filteredOn(a -> a.status() == Amendment.Status.OPEN).hasSize(1);
        Amendment open = amendments.openAmendmentOf("CMS-WWF-DE-2014").orElseThrow();
        amendments.reject("CMS-WWF-DE-2014", open.number(), "test done", "oliver");
        assertThat(amendments.openAmendmentOf("CMS-WWF-DE-2014")).isEmpty();
    }

    private static Object attempt(java.util.function.Supplier<Object> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void amendmentsThatCannotStandAreRefusedAtTheRestApi() {
        ResponseEntity<String> notInForce = post("/api/agreements/CMS-FOC-2010/amendments",
                "{\"type\": \"CHANGE_OF_SCOPE\", \"description\": \"short\"}");
        assertThat(notInForce.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notInForce.getBody()).contains("CMS-FOC-2010 is TERMINATED: only an agreement in force can be amended",
                "The description of the amendment must have at least 10 characters", "State the new scope");
        ResponseEntity<String> pastEnd = post("/api/agreements/CMS-IFAW-2005/amendments",
                "{\"type\": \"EXTENSION_OF_TERM\", \"description\": \"Extend the agreement\", \"newExpiresOn\": \"2000-01-01\"}");
        assertThat(pastEnd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pastEnd.getBody()).contains("The new end of the term 2000-01-01 must be after");
        assertThat(amendments.of("CMS-IFAW-2005")).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ResponseEntity<String> post(String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("oliver", "oliver").postForEntity(url, new HttpEntity<>(body, headers), String.class);
    }
}
