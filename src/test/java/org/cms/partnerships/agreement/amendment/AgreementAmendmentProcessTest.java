package org.cms.partnerships.agreement.amendment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.EndorsementDriver;
import org.cms.partnerships.support.FlowNodeCoverage;
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

/** Each amendment type takes its route; the agreement keeps its reference and gains numbered amendments. */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementAmendmentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired AmendmentProcess amendmentProcess;
    @Autowired AmendmentService amendments;
    @Autowired AgreementService agreements;
    @Autowired TestRestTemplate rest;

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

    @Test
    void anAdministrativeCorrectionNeedsOnlyTheOfficerAndLegal() {
        ProcessInstance amendment = amendmentProcess.propose("CMS-WI-1997", "ADMINISTRATIVE_CORRECTION",
                "Correct the name of the partner to Wetlands International", null, null);
        assertThat(amendment).hasBusinessKey("CMS-WI-1997/A1").isWaitingAt(TASK_LEGAL_REVIEW);
        assertThat(task(amendment)).hasCandidateGroup(Groups.LEGAL_OFFICERS);
        complete(task(amendment), Map.of(LEGAL_DECISION, "CHANGES_REQUIRED", LEGAL_COMMENTS, "Quote the registered name exactly"));
        assertThat(amendment).isWaitingAt(TASK_REVISE);
        complete(task(amendment), Map.of(DESCRIPTION, "Correct the name to Wetlands International (Stichting)"));
        complete(task(amendment), Map.of(LEGAL_DECISION, "APPROVED"));

        assertThat(amendment).hasPassed(ADOPT, END_ADOPTED).hasNotPassed(TASK_APPROVE, ENDORSEMENT).isEnded();
        Amendment adopted = amendments.get("CMS-WI-1997", 1);
        assertThat(adopted.status()).isEqualTo(Amendment.Status.ADOPTED);
        assertThat(adopted.history()).extracting(Amendment.Event::event).containsExactly("OPENED",
                "LEGAL_REVIEW: CHANGES_REQUIRED", "REVISED", "LEGAL_REVIEW: APPROVED", "ADOPTED");
        assertThat(agreements.get("CMS-WI-1997").reference()).isEqualTo("CMS-WI-1997");
    }

    @Test
    void aChangeOfFocalPointsIsRecordedByTheOfficerAloneAndNumberedAfterEarlierOnes() {
        ProcessInstance first = amendmentProcess.propose("CMS-UNESCO-2002", "CHANGE_OF_FOCAL_POINTS",
                "New focal point at the World Heritage Centre", null, null);
        assertThat(first).hasPassed(ADOPT).isEnded();
        ProcessInstance second = amendmentProcess.propose("CMS-UNESCO-2002", "CHANGE_OF_FOCAL_POINTS",
                "New signatory for UNESCO after the reorganization", null, null);
        assertThat(second).isEnded();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(second.getId())
                .singleResult().getBusinessKey()).isEqualTo("CMS-UNESCO-2002/A2");
        assertThat(amendments.of("CMS-UNESCO-2002")).extracting(Amendment::number).containsExactly(1, 2);
    }

    @Test
    void aScopeChangeWithAConventionGoesToTheExecutiveSecretaryAndTheStandingCommittee() {
        ProcessInstance amendment = amendmentProcess.propose("CMS-BERN-2009", "CHANGE_OF_SCOPE",
                "Add wind energy and migratory birds to the scope", "Monk seal, birds, bats, cetaceans; wind energy and birds", null);
        complete(task(amendment), Map.of(LEGAL_DECISION, "APPROVED"));
        assertThat(task(amendment)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);
        complete(task(amendment), Map.of(DECISION, "APPROVE"));
        assertThat(amendment).isWaitingAt(ENDORSEMENT);

        endorsement.decideAtMeeting(endorsement.calledBy(amendment), 50, "CMS/StC50/BERN-A1", "ENDORSED_WITH_AMENDMENTS");
        assertThat(amendment).isWaitingAt(TASK_REVISE);
        complete(task(amendment), Map.of(DESCRIPTION, "Add wind energy, birds and bats to the scope"));
        complete(task(amendment), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(amendment), Map.of(DECISION, "APPROVE"));
        endorsement.decideAtMeeting(endorsement.calledBy(amendment), 51, "CMS/StC51/BERN-A1", "ENDORSED");

        assertThat(amendment).hasPassed(END_ADOPTED).isEnded();
        assertThat(agreements.get("CMS-BERN-2009").scope()).isEqualTo("Monk seal, birds, bats, cetaceans; wind energy and birds");
        assertThat(agreements.get("CMS-BERN-2009").endorsementReference()).contains("CMS/StC51/BERN-A1");
    }

    @Test
    void aScopeChangeTheExecutiveSecretaryRejectsAndOneTheCommitteeRefuses() {
        ProcessInstance rejected = amendmentProcess.propose("CMS-WCS-2007", "CHANGE_OF_SCOPE",
                "Extend cooperation to marine protected areas", "Central Asian mammals, gorillas, sharks, marine protected areas", null);
        complete(task(rejected), Map.of(LEGAL_DECISION, "APPROVED"));
        assertThatThrownBy(() -> complete(task(rejected), Map.of(DECISION, "REJECT")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        complete(task(rejected), Map.of(DECISION, "REJECT", DECISION_COMMENT, "Not before the joint work plan is agreed"));
        assertThat(rejected).hasPassed(REJECT, END_REJECTED).hasNotPassed(ENDORSEMENT).isEnded();
        assertThat(amendments.get("CMS-WCS-2007", 1).status()).isEqualTo(Amendment.Status.REJECTED);

        ProcessInstance refused = amendmentProcess.propose("CMS-UNCCD-2003", "CHANGE_OF_SCOPE",
                "Add land degradation neutrality to the scope", "Drylands, ecological networks, land degradation neutrality", null);
        complete(task(refused), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(refused), Map.of(DECISION, "APPROVE"));
        endorsement.decideAtMeeting(endorsement.calledBy(refused), 52, "CMS/StC52/UNCCD-A1", "NOT_ENDORSED");
        assertThat(refused).hasPassed(END_REJECTED).isEnded();
        assertThat(amendments.get("CMS-UNCCD-2003", 1).history()).last()
                .satisfies(e -> assertThat(e.note()).startsWith("Not endorsed by the Standing Committee"));
    }

    @Test
    void anExtensionOfTermMovesTheEndDateAndASecondOpenAmendmentIsRefused() {
        LocalDate newEnd = RegisterClock.today().plusYears(5);
        ProcessInstance extension = amendmentProcess.propose("CMS-CIC-2005", "EXTENSION_OF_TERM",
                "Extend the partnership for five years", null, newEnd.toString());
        assertThatThrownBy(() -> amendmentProcess.propose("CMS-CIC-2005", "ADMINISTRATIVE_CORRECTION",
                "Fix a typo in article 3 of the agreement", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Amendment 1 of CMS-CIC-2005 is still open: one amendment at a time");
        complete(task(extension), Map.of(LEGAL_DECISION, "APPROVED"));
        complete(task(extension), Map.of(DECISION, "APPROVE"));
        assertThat(extension).hasPassed(END_ADOPTED).isEnded();
        assertThat(agreements.get("CMS-CIC-2005").expiresOn()).isEqualTo(newEnd);
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

    private ResponseEntity<String> post(String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("oliver", "oliver").postForEntity(url, new HttpEntity<>(body, headers), String.class);
    }
}
