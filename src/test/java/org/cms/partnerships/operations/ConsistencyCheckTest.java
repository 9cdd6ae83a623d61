package org.cms.partnerships.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.operations.ConsistencyCheck.Finding;
import org.cms.partnerships.operations.ConsistencyCheck.Kind;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.workplan.WorkPlanLifecycle;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consistency check finds each kind of disagreement between the register and the engine. The
 * disagreements are made as they happen in real life: a record imported or restored without its
 * process, a status changed in the database behind the process's back.
 */
@CmsIntegrationTest
class ConsistencyCheckTest {

    @Autowired ConsistencyCheck check;
    @Autowired ProcessEngine engine;
    @Autowired AgreementService agreements;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired PartnerService partners;
    @Autowired WorkPlanService workPlans;
    @Autowired WorkPlanLifecycle workPlanLifecycle;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void theCheckRanAtStartOverTheWholeRegister() {
        // It runs after ready, on a thread of its own.
        ConsistencyCheck.Report atStart = check.awaitAtStart(Duration.ofMinutes(1));
        assertThat(atStart).isNotNull();
        assertThat(atStart.agreements()).isPositive();
        assertThat(atStart.workPlans()).isPositive();
        assertThat(atStart.processes()).as("the demo agreements brought under process control").isPositive();
    }

    @Test
    void anAgreementInPreparationWithoutItsProcessIsListedUntilItIsBroughtUnderProcessControl() {
        String reference = agreement("CHECK-A", AgreementStatus.IN_LEGAL_REVIEW);

        assertThat(findingsAbout(reference)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.AGREEMENT_WITHOUT_PROCESS);
            assertThat(f.status()).isEqualTo("IN_LEGAL_REVIEW");
            assertThat(f.problem()).contains("no partnership-agreement process runs");
        });

        lifecycle.resumeAt(reference);
        assertThat(findingsAbout(reference)).isEmpty();
        cancel(reference);
    }

    @Test
    void aProcessStillWaitingOnAnAgreementWithdrawnBehindItsBackIsListed() {
        String reference = agreement("CHECK-B", AgreementStatus.AWAITING_CLEARANCE);
        lifecycle.resumeAt(reference);
        String instanceId = instanceOf(reference);
        assertThat(findingsAbout(reference)).isEmpty();

        setStatus("agreement", reference, "WITHDRAWN");

        assertThat(findingsAbout(reference)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.PROCESS_ON_ENDED_AGREEMENT);
            assertThat(f.status()).isEqualTo("WITHDRAWN");
            assertThat(f.processKey()).isEqualTo("partnership-agreement");
            assertThat(f.processInstanceId()).isEqualTo(instanceId);
        });
        cancel(reference);
        assertThat(findingsAbout(reference)).isEmpty();
    }

    @Test
    void aDraftPlanNeedsNoProcessAPlanInConsultationDoesAndAProcessOnAClosedPlanIsListed() {
        // Any agreement in force (other tests supersede and terminate some of the demo's).
        Agreement inForce = agreements.search(new org.cms.partnerships.register.AgreementFilter(AgreementStatus.IN_FORCE,
                null, null, null, null)).get(0);
        long inForceId = partners.getByAcronym(inForce.partnerAcronym()).id();
        String lost = "JWP-CHECK-2040-2041";
        workPlans.create(new WorkPlanService.NewWorkPlan(lost, inForceId, inForce.id(), "Joint work plan 2040-2041", 2040, 2041,
                WorkPlanStatus.DRAFT, null));
        assertThat(findingsAbout(lost)).as("a draft is prepared in the register").isEmpty();

        setStatus("work_plan", lost, "IN_CONSULTATION");

        assertThat(findingsAbout(lost)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.WORK_PLAN_WITHOUT_PROCESS);
            assertThat(f.status()).isEqualTo("IN_CONSULTATION");
        });
        setStatus("work_plan", lost, "STOPPED");

        String plan = "JWP-CHECK-2042-2043";
        workPlans.create(new WorkPlanService.NewWorkPlan(plan, inForceId, inForce.id(), "Joint work plan 2042-2043", 2042, 2043,
                WorkPlanStatus.DRAFT, null));
        workPlanLifecycle.startFor(plan);
        String instanceId = instanceOf(plan);
        for (Job step; (step = engine.getManagementService().createJobQuery().processInstanceId(instanceId).messages()
                .listPage(0, 1).stream().findFirst().orElse(null)) != null; ) {
            engine.getManagementService().executeJob(step.getId());
        }
        assertThat(findingsAbout(plan)).isEmpty();

        setStatus("work_plan", plan, "CLOSED");

        assertThat(findingsAbout(plan)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.PROCESS_ON_ENDED_WORK_PLAN);
            assertThat(f.status()).isEqualTo("CLOSED");
            assertThat(f.processInstanceId()).isEqualTo(instanceId);
        });
        cancel(plan);
        assertThat(findingsAbout(plan)).isEmpty();
    }

    @Test
    void managersSeeTheCheckOnDemandAndNobodyElseDoes() {
        String reference = agreement("CHECK-D", AgreementStatus.IN_DUE_DILIGENCE);
        assertThat(check.awaitAtStart(Duration.ofMinutes(1))).as("the check at start has run").isNotNull();

        ResponseEntity<JsonNode> marc = rest.withBasicAuth("marc", "marc").getForEntity("/api/consistency", JsonNode.class);
        assertThat(marc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(marc.getBody().path("now").path("findings").findValuesAsText("reference")).contains(reference);
        assertThat(marc.getBody().path("atStart").path("agreements").asInt()).isPositive();

        assertThat(rest.getForEntity("/api/consistency", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("oliver", "lena", "amina", "aewa")) {
            ResponseEntity<JsonNode> refused = rest.withBasicAuth(user, user).getForEntity("/api/consistency", JsonNode.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("detail").asText()).as(user).isEqualTo("The consistency check is for managers");
        }
        setStatus("agreement", reference, "WITHDRAWN");
    }

    private List<Finding> findingsAbout(String reference) {
        return check.run().findings().stream().filter(f -> f.reference().equals(reference)).toList();
    }

    /** A partner of our own, so no other test's proposal meets these records. */
    private Partner partner(String acronym) {
        Partner partner = partners.create(new PartnerService.NewPartner(acronym, "Consistency probe " + acronym,
                PartnerCategory.NGO, null, null, false, null));
        partners.addFocalPoint(partner.id(), new PartnerService.NewFocalPoint("Focal Point", null,
                "focal@" + acronym.toLowerCase() + ".example.org", Language.EN));
        return partner;
    }

    /** An agreement recorded in {@code status} (an import, a restored table) with no process. */
    private String agreement(String acronym, AgreementStatus status) {
        Partner partner = partner(acronym);
        String reference = "CMS-" + acronym + "-2026";
        LocalDate today = RegisterClock.today();
        agreements.create(new AgreementService.NewAgreement(reference, partner.id(), InstrumentType.MEMORANDUM_OF_UNDERSTANDING,
                "Memorandum of Understanding with " + acronym, null, null, today.minusDays(30), today.plusYears(5), null, null),
                status, "import", "Recorded from the Secretariat's register", Instant.now());
        return reference;
    }

    /** What a hand-made fix in the database does: the status changes, the process is not told. */
    private void setStatus(String table, String reference, String status) {
        jdbc.sql("UPDATE " + table + " SET status = ? WHERE reference = ?").params(status, reference).update();
    }

    private String instanceOf(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
    }

    private void cancel(String businessKey) {
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "consistency probe done"));
    }
}
