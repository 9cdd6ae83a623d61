package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The signature on its own: the process is started right before "Sign and record the signature", for
 * a renewal of the Cartagena Convention's dormant MoC, so the test reads as the step it proves.
 */
@CmsIntegrationTest
class SignatureStepTest {

    @Autowired ProcessEngine engine;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired ProcessDriver driver;
    @Autowired TestRestTemplate rest;

    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void reset() {
        driver.resetClock();
    }

    @Test
    void signingARenewalPutsItInForceWithItsFirstReviewAndSupersedesTheOldMemorandumBothWays() {
        String renewal = "CMS-CARTAGENA-" + today.getYear();
        agreements.create(new AgreementService.NewAgreement(renewal, partners.findByAcronym("CARTAGENA").orElseThrow().id(),
                InstrumentType.MEMORANDUM_OF_COOPERATION, "Renewed Memorandum of Cooperation with the Cartagena Convention",
                null, null, today.minusMonths(3), today.plusYears(5), null, null),
                AgreementStatus.AWAITING_SIGNATURE, "paula", "Approved by the partner; ready for signature", RegisterClock.now());
        ProcessInstance step = engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey(renewal)
                .startBeforeActivity(TASK_SIGNATURE)
                .setVariables(ProcessValues.of(AgreementVariables.REFERENCE, renewal)
                        .and(AgreementVariables.ACRONYM, "CARTAGENA").and(SUPERSEDES, "CMS-CARTAGENA").asMap())
                .execute();
        assertThat(step).isWaitingAt(TASK_SIGNATURE);

        InvalidInputException future = driver.refusal(() -> driver.complete("amina", Groups.EXECUTIVE_SECRETARY, step,
                TASK_SIGNATURE, signature(today.plusDays(1))));
        assertThat(future.problems()).contains("The date of signature %s is in the future".formatted(today.plusDays(1)));
        assertThat(agreements.get(renewal).status()).as("a refused signature changes nothing")
                .isEqualTo(AgreementStatus.AWAITING_SIGNATURE);

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, step, TASK_SIGNATURE, signature(today));
        driver.run(step, NOTIFY_SIGNED);

        assertThat(step).hasPassed(END_IN_FORCE).isEnded();
        Agreement signed = agreements.get(renewal);
        assertThat(signed.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(signed.signedOn()).isEqualTo(today);
        assertThat(signed.nextReviewOn()).isEqualTo(today.plusYears(1));
        assertThat(signed.expiresOn()).as("the proposed term").isEqualTo(today.plusYears(5));
        assertThat(signed.supersedes()).isEqualTo("CMS-CARTAGENA");
        assertThat(driver.lastStatusChange(renewal).changedBy()).isEqualTo("amina");
        Agreement old = agreements.get("CMS-CARTAGENA");
        assertThat(old.status()).isEqualTo(AgreementStatus.SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo(renewal);
        assertThat(driver.lastStatusChange("CMS-CARTAGENA").reason()).isEqualTo("Superseded by " + renewal);
        assertThat(driver.mails(renewal, "agreement-signed")).isNotEmpty();
    }

    @Test
    void theSignatureFormOpensWithTheProposedTermAndNamesNoSupersededAgreementWhenThereIsNone() {
        String reference = "CMS-WETLANDSLINK-" + today.getYear();
        long partner = partners.create(new PartnerService.NewPartner("WETLANDSLINK", "Wetlands Link International",
                org.cms.partnerships.register.PartnerCategory.NGO, null, null, false, null)).id();
        agreements.create(new AgreementService.NewAgreement(reference, partner, InstrumentType.LETTER_OF_COOPERATION,
                "Letter of cooperation on wetland flyways", null, null, today.minusMonths(2), today.plusYears(3), null, null),
                AgreementStatus.AWAITING_SIGNATURE, "oliver", "Approved by the partner; ready for signature", RegisterClock.now());
        ProcessInstance step = engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey(reference)
                .setVariables(ProcessValues.of(AgreementVariables.REFERENCE, reference).and(AgreementVariables.ACRONYM, "WETLANDSLINK")
                        .and(TERM_START, today.plusDays(20)).asMap())
                .startBeforeActivity(TASK_SIGNATURE).execute();
        String task = driver.task(step, TASK_SIGNATURE).getId();

        // What Tasklist loads into the form, through the webapps' engine API, as the Executive Secretary.
        var variables = WebappSession.login(rest, "amina", "tasklist")
                .getFromEngine("engine/default/task/%s/form-variables".formatted(task));
        assertThat(variables.getStatusCode().is2xxSuccessful()).as(String.valueOf(variables.getBody())).isTrue();
        assertThat(variables.getBody().path(EXPIRES_ON.name()).path("value").asText())
                .as("the end of the proposed term").isEqualTo(today.plusYears(3).toString());
        assertThat(variables.getBody().path(IN_FORCE_FROM.name()).path("value").asText())
                .as("the proposed start, still ahead").isEqualTo(today.plusDays(20).toString());
        assertThat(variables.getBody().path(SUPERSEDES.name()).path("value").isMissingNode()
                || variables.getBody().path(SUPERSEDES.name()).path("value").isNull()).isTrue();

        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, step, TASK_SIGNATURE, signature(today));
        assertThat(agreements.get(reference).expiresOn()).isEqualTo(today.plusYears(3));
        assertThat(engine.getRuntimeService().getVariable(step.getId(), EXPIRES_ON.name()))
                .as("the pre-filled values were the form's, not the process's").isNull();
    }

    private static java.util.Map<String, Object> signature(LocalDate date) {
        return ProcessValues.of(SIGNED_ON, date).and(PLACE_OF_SIGNATURE, "Kingston")
                .and(SIGNATORY_CMS, "Amy Fraenkel, Executive Secretary")
                .and(SIGNATORY_PARTNER, "Executive Director, Cartagena Convention Secretariat").asMap();
    }
}
