package org.cms.partnerships.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.demo.DemoDataLoader;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Joint work plans recorded at a later stage are brought under process control at that stage
 * ({@link WorkPlanLifecycle#resumeAt}), as agreements are: the demo's CMS-CITES list of 2008-2011 in
 * implementation since start-up; plans this test records itself for the rest.
 */
@CmsIntegrationTest
class HistoricWorkPlansTest {

    static final String CITES_2008 = "JWP-CMS-CITES-2008-2011";

    @Autowired ProcessEngine engine;
    @Autowired WorkPlanLifecycle lifecycle;
    @Autowired WorkPlanService workPlans;
    @Autowired PartnerService partners;
    @Autowired AgreementService agreements;
    @Autowired DemoDataLoader loader;
    @Autowired ProcessDriver driver;

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
    void theCmsCitesListOf2008To2011RunsInImplementationSinceStartUpWithAMeetingAndTheDecisionAYearOn() {
        // Another test may have let its successor take over since; the start-up is in the history either way.
        HistoricProcessInstance started = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY).processInstanceBusinessKey(CITES_2008).orderByProcessInstanceStartTime().asc()
                .list().get(0);
        List<HistoricActivityInstance> first = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(started.getId()).orderByHistoricActivityInstanceStartTime().asc().list();
        assertThat(first).extracting(HistoricActivityInstance::getActivityId).as("started at implementation, nothing before")
                .contains(IMPLEMENTATION, TASK_PROGRESS).doesNotContain(START, TASK_DRAFT, CONSULTATION, ENDORSEMENT, CARRY_OVER);
        assertThat(workPlans.history(CITES_2008).get(0).toStatus()).isEqualTo(WorkPlanStatus.IN_IMPLEMENTATION);
        assertThat(workPlans.history(CITES_2008)).as("entering its own stage records nothing")
                .filteredOn(change -> change.toStatus() == WorkPlanStatus.IN_IMPLEMENTATION).hasSize(1);

        if (workPlans.get(CITES_2008).status() == WorkPlanStatus.IN_IMPLEMENTATION) {
            ProcessInstance plan = driver.instance(KEY, CITES_2008);
            assertThat(plan).isWaitingAt(TASK_PROGRESS);
            // Its period ended in 2011: one year and one coordination meeting first, as for a plan endorsed late.
            LocalDate startDay = LocalDate.ofInstant(started.getStartTime().toInstant(), RegisterClock.SECRETARIAT_ZONE);
            assertThat(driver.dueDay(driver.job(plan, MEETING_DUE))).isEqualTo(startDay.plusYears(1));
            assertThat(driver.job(plan, EXTENSION_DUE).getDuedate())
                    .isEqualTo(RegisterClock.at(startDay.plusYears(1).plusDays(1), LocalTime.of(9, 0)));
            assertThat(driver.conflict(() -> lifecycle.resumeAt(CITES_2008))).hasMessage(CITES_2008 + " is already under process control");
        }
    }

    @Test
    void aPlanInTheMiddleOfItsPeriodHoldsItsYearlyMeetingsAndIsDecidedNinetyDaysBeforeItsEnd() {
        String reference = record(today.getYear() - 1, today.getYear() + 2, WorkPlanStatus.IN_IMPLEMENTATION);
        assertThat(loader.bringUnderProcessControl()).contains(reference);
        ProcessInstance plan = driver.instance(KEY, reference);
        assertThat(plan).isWaitingAt(TASK_PROGRESS).hasNotPassed(START, TASK_DRAFT, ENDORSEMENT, CARRY_OVER);
        assertThat(workPlans.history(reference)).as("nothing recorded on entering its stage").hasSize(1);
        assertThat(driver.variable(plan, MEETING_CYCLE)).as("one meeting a year for the two years left").isEqualTo("R2/P1Y");
        assertThat(driver.job(plan, EXTENSION_DUE).getDuedate())
                .isEqualTo(RegisterClock.at(LocalDate.of(today.getYear() + 2, 12, 31).minusDays(90), LocalTime.of(9, 0)));
        assertThat(driver.dueDay(driver.job(plan, MEETING_DUE))).isEqualTo(today.plusYears(1));

        driver.fireWhenDue(plan, MEETING_DUE);
        assertThat(plan).isWaitingAt(TASK_PROGRESS, TASK_MEETING);
        assertThat(loader.bringUnderProcessControl()).as("a restart starts nothing twice").doesNotContain(reference);
        assertThat(lifecycle.hadAProcess(reference)).isTrue();
    }

    @Test
    void aPlanAwaitingEndorsementGoesToBothBodiesAndOneInConsultationIsRefused() {
        String awaiting = record(2050, 2052, WorkPlanStatus.AWAITING_ENDORSEMENT);
        ProcessInstance plan = driver.instance(KEY, lifecycle.resumeAt(awaiting));
        assertThat(plan).isWaitingAt(CMS_ENDORSEMENT, PARTNER_ENDORSEMENT);
        assertThat(driver.calledBy(plan, EndorsementProcess.BODY.name(), "CMS_STANDING_COMMITTEE")).isWaitingAt(EndorsementProcess.TASK_SCHEDULE);
        assertThat(workPlans.history(awaiting)).hasSize(1);

        String consulting = record(2053, 2054, WorkPlanStatus.IN_CONSULTATION);
        ConflictException refused = driver.conflict(() -> lifecycle.resumeAt(consulting));
        assertThat(refused.getMessage()).startsWith(consulting + " is IN_CONSULTATION");
        assertThat(loader.bringUnderProcessControl()).doesNotContain(consulting);
    }

    /** A WAZA plan under the 2008 MoU, recorded in {@code status}, themes and one activity. */
    private String record(int first, int last, WorkPlanStatus status) {
        String reference = "JWP-WAZA-%d-%d".formatted(first, last);
        workPlans.create(new WorkPlanService.NewWorkPlan(reference, partners.getByAcronym("WAZA").id(),
                agreements.get("CMS-WAZA-2008").id(), "Historic WAZA plan " + first, first, last, status, null));
        workPlans.addTheme(reference, "A", "Outreach");
        workPlans.addActivity(reference, new WorkPlanService.NewActivity("A", "A1", null,
                "Year of the Bat outreach in member zoos", String.valueOf(first), "Joint", false));
        return reference;
    }
}
