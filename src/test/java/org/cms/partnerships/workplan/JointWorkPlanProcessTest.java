package org.cms.partnerships.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.PartnerService;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The joint work plan lifecycle: the real CMS-CITES 2012-2014 programme from consultation to its
 * closure report, succeeding the 2008-2011 list; new WAZA plans for the paths the real one did not
 * take (one body refusing, meetings over three years, extensions endorsed and refused, a stop).
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointWorkPlanProcessTest {

    static final String CITES_2012 = "JWP-CMS-CITES-2012-2014";
    static final String CITES_2008 = "JWP-CMS-CITES-2008-2011";

    @Autowired ProcessEngine engine;
    @Autowired WorkPlanService workPlans;
    @Autowired PartnerService partners;
    @Autowired NotificationLog notificationLog;
    @Autowired TestRestTemplate rest;

    EndorsementDriver endorsements;
    LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        endorsements = new EndorsementDriver(engine);
        today = RegisterClock.today();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void theTwentyTwelvePlanIsConsultedEndorsedByBothBodiesTakesOverTheOldPlanAndClosesWithItsReport() {
        ProcessInstance plan = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(WORK_PLAN_REFERENCE, CITES_2012));
        assertThat(plan).hasBusinessKey(CITES_2012).isWaitingAt(TASK_DRAFT);
        assertThat(task(plan)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat((String) engine.getRuntimeService().getVariable(plan.getId(), ACTIVITIES_TEXT)).hasSizeLessThan(4000)
                .contains("A1 (2012, NOT_STARTED): On-going update", "B1 (2012-2014, NOT_STARTED, funding NOT_SECURED)");

        // Text longer than the engine keeps is refused with a clear message, not a database error.
        String tooLong = "D9 | 2013 | A very long list of activities typed into the form | no\n".repeat(70);
        assertThatThrownBy(() -> complete(task(plan), Map.of(ACTIVITIES_TO_ADD, tooLong, COMMENT_DEADLINE_DATE, today.plusDays(30).toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'activitiesToAdd' is %d characters long; at most 4000 fit".formatted(tooLong.length()))
                .hasMessageContaining("import the activities as a CSV or JSON file");
        assertThat(plan).isWaitingAt(TASK_DRAFT);

        // Consultation: sent to the CITES focal point, two rounds of comments, then the deadline.
        complete(task(plan), Map.of(COMMENT_DEADLINE_DATE, today.plusDays(30).toString()));
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.IN_CONSULTATION);
        execute(job(SEND_TO_PARTNER, plan));
        assertThat(notificationLog.search(CITES_2012, null, "work-plan-consultation", 5)).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("jean-marc.perrin@cites.example.org"));
        complete(task(plan), Map.of(PARTNER_COMMENTS, "Add the trilateral meetings with FAO on sharks (B8)."));
        complete(task(plan), Map.of(PARTNER_COMMENTS, "Link the saiga work to the Medium-Term International Work Programme."));
        assertThat(plan).isWaitingAt(TASK_PARTNER_COMMENTS);
        execute(timer(plan, COMMENT_DEADLINE));
        assertThat(plan).isWaitingAt(TASK_REVISE);
        assertThat(workPlans.comments(CITES_2012)).filteredOn(c -> c.kind().equals("CONSULTATION"))
                .extracting(WorkPlanService.Comment::text).hasSize(2).first().asString().contains("FAO");
        // The revision adds, changes and removes activities in one go, or nothing if a line is wrong.
        int before = workPlans.activities(CITES_2012).size();
        assertThatThrownBy(() -> complete(task(plan), Map.of(ACTIVITIES_TO_ADD, "D5 | 2013 | A side event at CoP16 | no\nD9 | remove")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Line 2: there is no activity D9 to remove");
        assertThat(workPlans.activities(CITES_2012)).hasSize(before);
        complete(task(plan), Map.of(ACTIVITIES_TO_ADD, """
                D5 | 2013 | Joint side event on migratory species listed in both Conventions at CITES CoP16 | no | Joint
                B8 | 2013-2014 | Trilateral meetings with FAO on the sharks Conservation Management Plan (subject to external funding) | yes | CMS
                B15 | remove"""));
        assertThat(workPlans.activity(CITES_2012, "D5").timeframe()).isEqualTo("2013");
        assertThat(workPlans.activity(CITES_2012, "B8")).satisfies(b8 -> {
            assertThat(b8.timeframe()).isEqualTo("2013-2014");
            assertThat(b8.lead()).isEqualTo("CMS");
            assertThat(b8.heading()).isEqualTo("Sharks");
        });
        assertThat(workPlans.activities(CITES_2012)).hasSize(before).extracting(WorkPlanActivity::code).doesNotContain("B15");
        assertThat(workPlans.comments(CITES_2012)).extracting(WorkPlanService.Comment::text)
                .contains("Revised after consultation; 3 activities added, changed or removed");

        // Both bodies in parallel: until both have endorsed, the 2008-2011 list stays in implementation.
        assertThat(plan).isWaitingAt(CMS_ENDORSEMENT, PARTNER_ENDORSEMENT);
        complete(task(endorsements.calledBy(plan, "PARTNER_BODY")), endorsed("Endorsed by the CITES Standing Committee"));
        assertThat(workPlans.get(CITES_2008).status()).isEqualTo(WorkPlanStatus.IN_IMPLEMENTATION);
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 40, "UNEP/CMS/StC40/Doc.16", "ENDORSED");

        // Carry-over: B3 is dropped with its reason, the other unfinished activities come across.
        assertThat(plan).isWaitingAt(TASK_CARRY_OVER);
        assertThat(task(plan)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat((String) engine.getRuntimeService().getVariable(plan.getId(), UNFINISHED_TEXT))
                .contains("A4 (NOT_STARTED)", "B3 (NOT_STARTED)", "D1 (IN_PROGRESS)").doesNotContain("A2 (");
        assertThatThrownBy(() -> complete(task(plan), Map.of(DROPS, "A2 | finished anyway\nB3 | no")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("A2 is not an unfinished activity of " + CITES_2008)
                .hasMessageContaining("Give the reason for dropping B3");
        complete(task(plan), Map.of(DROPS, "B3 | Indicators now sought through the 2020 targets work of the CSAB"));
        assertThat(workPlans.get(CITES_2008).status()).isEqualTo(WorkPlanStatus.CLOSED);
        assertThat(workPlans.activity(CITES_2008, "B3").status()).isEqualTo(ActivityStatus.DROPPED);
        assertThat(workPlans.logEntries(CITES_2008)).extracting(WorkPlanService.LogEntry::text)
                .contains("Carried over to " + CITES_2012 + " as A1-2008",
                        "Dropped at the close of the plan: Indicators now sought through the 2020 targets work of the CSAB");
        assertThat(workPlans.activities(CITES_2012)).extracting(WorkPlanActivity::code)
                .contains("A1-2008", "A3-2008", "A4-2008", "B1-2008", "B2-2008", "C2-2008", "C3-2008", "D1-2008")
                .doesNotContain("B3-2008", "A2-2008");
        assertThat(workPlans.activity(CITES_2012, "D1-2008").status()).isEqualTo(ActivityStatus.IN_PROGRESS);

        // Implementation: externally funded activities wait for their funding.
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.IN_IMPLEMENTATION);
        assertThat(workPlans.activity(CITES_2012, "B1").status()).isEqualTo(ActivityStatus.AWAITING_FUNDING);
        assertThat(plan).isWaitingAt(TASK_PROGRESS);
        assertThatThrownBy(() -> complete(task(TASK_PROGRESS, plan), Map.of(ACTIVITY_CODE, "B1", ACTIVITY_STATUS, "IN_PROGRESS")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("B1 waits for external funding");
        complete(task(TASK_PROGRESS, plan), Map.of(ACTIVITY_CODE, "B1", FUNDING_SECURED, true,
                LOG_TEXT, "Funding from the European Commission for the third joint meeting in West Africa."));
        assertThat(workPlans.activity(CITES_2012, "B1")).satisfies(b1 -> {
            assertThat(b1.fundingStatus()).isEqualTo(FundingStatus.SECURED);
            assertThat(b1.status()).isEqualTo(ActivityStatus.NOT_STARTED);
        });
        complete(task(TASK_PROGRESS, plan), Map.of(ACTIVITY_CODE, "A1", ACTIVITY_STATUS, "COMPLETED",
                LOG_TEXT, "Concordance list updated after CITES CoP16 and circulated to both Scientific Councils."));
        assertThat(plan).isWaitingAt(TASK_PROGRESS);

        // The plan was endorsed after its period: one coordination meeting, then extend or close.
        assertThat(engine.getRuntimeService().getVariable(plan.getId(), MEETING_CYCLE)).isEqualTo("R1/P1Y");
        assertThat(timer(plan, EXTENSION_DUE).getDuedate()).isEqualTo(at(today.plusYears(1).plusDays(1)));
        executeWhenDue(timer(plan, MEETING_DUE));
        assertThat(plan).isWaitingAt(TASK_PROGRESS, TASK_MEETING);
        assertThat(task(TASK_MEETING, plan)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        complete(task(TASK_MEETING, plan), Map.of(MEETING_SUMMARY, "Annual coordination meeting in Geneva: B1 funded, A1 done."));
        execute(job(SEND_PROGRESS_REPORT, plan));
        List<Notification> reports = notificationLog.search(CITES_2012, null, "work-plan-progress", 20);
        assertThat(reports).isNotEmpty().allSatisfy(n -> assertThat(n.body()).contains("1 completed", "B1 funded"));
        assertThat(timer(plan, MEETING_DUE)).isNull();

        executeWhenDue(timer(plan, EXTENSION_DUE));
        assertThat(plan).isWaitingAt(TASK_EXTENSION);
        assertThatThrownBy(() -> complete(task(plan), Map.of(EXTENSION_DECISION, "EXTEND", NEW_END_YEAR, 2013, EXTENSION_REASON, "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The new last year 2013 must be after 2014");
        complete(task(plan), Map.of(EXTENSION_DECISION, "CLOSE"));
        assertThat(plan).hasPassed(CLOSE, END_CLOSED).hasNotPassed(EXTENSION_ENDORSEMENT).isEnded();
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.CLOSED);

        ResponseEntity<String> report = rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/" + CITES_2012 + "/report.html", String.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody()).contains("CMS-CITES Joint Work Programme 2012-2014", "Concordance list updated after CITES CoP16",
                "Funding from the European Commission", "A1-2008", "Joint side event on migratory species");
        String carryOver = report.getBody().substring(report.getBody().indexOf("Unfinished activities"));
        assertThat(carryOver).contains("B1 (NOT_STARTED)", "D1-2008 (IN_PROGRESS)").doesNotContain("A1 (");
        assertThat(rest.withBasicAuth("oliver", "oliver").getForEntity("/api/work-plans/" + CITES_2012 + "/report.odt", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPlanOnlyOneBodyEndorsesIsNotAdoptedAndNeverStarts() {
        ProcessInstance plan = proposeAndConsult("JWP-WAZA-2031-2033", 2031, 2033);
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 45, "UNEP/CMS/StC45/Doc.9", "ENDORSED");
        assertThat(plan).isWaitingAt(PARTNER_ENDORSEMENT);
        complete(task(endorsements.calledBy(plan, "PARTNER_BODY")), Map.of(EndorsementProcess.DECISION, "NOT_ENDORSED",
                EndorsementProcess.DECISION_DATE, today.toString(), EndorsementProcess.DECISION_TEXT, "WAZA Council asks for a smaller plan"));
        assertThat(plan).hasPassed(NOT_ADOPTED, END_NOT_ADOPTED).hasNotPassed(START_IMPLEMENTATION, TASK_CARRY_OVER).isEnded();
        assertThat(workPlans.get("JWP-WAZA-2031-2033").status()).isEqualTo(WorkPlanStatus.NOT_ADOPTED);
        assertThat(workPlans.comments("JWP-WAZA-2031-2033")).filteredOn(c -> c.kind().equals("ENDORSEMENT"))
                .extracting(WorkPlanService.Comment::text).containsExactlyInAnyOrder("ENDORSED", "NOT_ENDORSED");
    }

    @Test
    void aThreeYearPlanHoldsTwoCoordinationMeetingsIsExtendedWithEndorsementAndStopsWithItsAgreement() {
        String reference = "JWP-WAZA-2027-2029";
        ProcessInstance plan = proposeAndConsult(reference, 2027, 2029);
        bothBodiesEndorse(plan, "UNEP/CMS/StC44/Doc.12");
        assertThat(plan).hasNotPassed(TASK_CARRY_OVER).isWaitingAt(TASK_PROGRESS);
        assertThat(engine.getRuntimeService().getVariable(plan.getId(), MEETING_CYCLE)).isEqualTo("R2/P1Y");

        for (int year = 1; year <= 2; year++) {
            executeWhenDue(timer(plan, MEETING_DUE));
            complete(task(TASK_MEETING, plan), Map.of(MEETING_SUMMARY, "Coordination meeting number " + year + " with WAZA"));
            execute(job(SEND_PROGRESS_REPORT, plan));
            assertThat(notificationLog.search(reference, null, "work-plan-progress", 50))
                    .extracting(Notification::body).anySatisfy(body -> assertThat(body).contains("Coordination meeting number"));
        }
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(plan.getId())
                .activityId(TASK_MEETING).count()).isEqualTo(2);
        assertThat(timer(plan, MEETING_DUE)).isNull();

        Job extensionDue = timer(plan, EXTENSION_DUE);
        assertThat(extensionDue.getDuedate()).isEqualTo(at(LocalDate.of(2029, 10, 2)));
        executeWhenDue(extensionDue);
        complete(task(plan), Map.of(EXTENSION_DECISION, "EXTEND", NEW_END_YEAR, 2030,
                EXTENSION_REASON, "The Year of the Bat campaign runs on into 2030"));
        // As in seed 002 §4, where the CITES Standing Committee endorsed the extension: both bodies decide.
        assertThat(plan).isWaitingAt(EXTENSION_ENDORSEMENT, PARTNER_EXTENSION_ENDORSEMENT);
        complete(task(endorsements.calledBy(plan, "PARTNER_BODY")), endorsed("The WAZA Council agrees to the extension"));
        assertThat(plan).isWaitingAt(EXTENSION_ENDORSEMENT).isNotWaitingAt(PARTNER_EXTENSION_ENDORSEMENT);
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 46, "UNEP/CMS/StC46/Doc.3", "ENDORSED");
        assertThat(plan).hasPassed(EXTEND).isWaitingAt(TASK_PROGRESS);
        assertThat(workPlans.get(reference).periodEndYear()).isEqualTo(2030);
        assertThat(timer(plan, EXTENSION_DUE).getDuedate()).isEqualTo(at(LocalDate.of(2030, 10, 2)));

        engine.getRuntimeService().createMessageCorrelation(MESSAGE_STOPPED).processInstanceBusinessKey(reference)
                .setVariable(STOP_REASON, "CMS-WAZA-2008 terminated").correlate();
        assertThat(plan).hasPassed(MARK_STOPPED, "endEvent_planStopped").isEnded();
        assertThat(workPlans.get(reference).status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(workPlans.comments(reference)).extracting(WorkPlanService.Comment::text).contains("CMS-WAZA-2008 terminated");
    }

    @Test
    void anExtensionTheCommitteeRefusesClosesThePlanOnItsOriginalPeriodThoughThePartnerAgreed() {
        String reference = "JWP-WAZA-2034-2035";
        ProcessInstance plan = proposeAndConsult(reference, 2034, 2035);
        bothBodiesEndorse(plan, "UNEP/CMS/StC44/Doc.13");
        execute(timer(plan, EXTENSION_DUE));
        complete(task(plan), Map.of(EXTENSION_DECISION, "EXTEND", NEW_END_YEAR, 2036, EXTENSION_REASON, "More time for the bat surveys"));
        complete(task(endorsements.calledBy(plan, "PARTNER_BODY")), endorsed("The WAZA Council agrees to the extension"));
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 50, "UNEP/CMS/StC50/Doc.4", "NOT_ENDORSED");
        assertThat(plan).hasPassed(EXTENSION_ENDORSEMENT, PARTNER_EXTENSION_ENDORSEMENT, CLOSE, END_CLOSED).hasNotPassed(EXTEND).isEnded();
        assertThat(workPlans.get(reference).status()).isEqualTo(WorkPlanStatus.CLOSED);
        assertThat(workPlans.get(reference).periodEndYear()).isEqualTo(2035);
    }

    @Test
    void aPlanUnderAnAgreementNoLongerInForceIsRefusedWithEveryProblem() {
        Map<String, Object> start = newPlan(2030, 2032);
        start.put(AGREEMENT_REFERENCE, "CMS-WAZA-2006");
        start.put(THEMES, "Outreach");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, start))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CMS-WAZA-2006 is SUPERSEDED: a joint work plan needs an agreement in force")
                .hasMessageContaining("Theme 'Outreach' must read like 'A: Harmonization'");
        assertThat(workPlans.find("JWP-WAZA-2030-2032")).isEmpty();

        workPlans.create(new WorkPlanService.NewWorkPlan("JWP-WAZA-2009-2010", partners.getByAcronym("WAZA").id(), null,
                "Year of the Gorilla joint plan", 2009, 2010, WorkPlanStatus.CLOSED, null));
        Map<String, Object> successor = newPlan(2036, 2037);
        successor.put(PREDECESSOR, "JWP-WAZA-2009-2010");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, successor))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JWP-WAZA-2009-2010 is CLOSED: only a plan in implementation hands its unfinished activities over");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(WORK_PLAN_REFERENCE, CITES_2008)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only a draft plan starts its lifecycle");
    }

    /** A new WAZA plan proposed, drafted, sent and revised after a comment deadline without comments. */
    private ProcessInstance proposeAndConsult(String reference, int start, int end) {
        ProcessInstance plan = engine.getRuntimeService().startProcessInstanceByKey(KEY, newPlan(start, end));
        assertThat(plan).hasBusinessKey(reference).isWaitingAt(TASK_DRAFT);
        complete(task(plan), Map.of(ACTIVITIES_TO_ADD, """
                A1 | %d | Joint zoo campaign for the Year of the Bat | no
                B1 | %d-%d | Bat monitoring training for zoo educators, subject to external funding | yes""".formatted(start, start, end),
                COMMENT_DEADLINE_DATE, today.plusDays(20).toString()));
        execute(job(SEND_TO_PARTNER, plan));
        assertThat(notificationLog.search(reference, null, "work-plan-consultation", 5)).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("markus.keller@waza.example.org"));
        execute(timer(plan, COMMENT_DEADLINE));
        complete(task(plan), Map.of());
        assertThat(plan).isWaitingAt(CMS_ENDORSEMENT, PARTNER_ENDORSEMENT);
        assertThat(workPlans.comments(reference)).noneMatch(c -> c.kind().equals("CONSULTATION"));
        return plan;
    }

    private void bothBodiesEndorse(ProcessInstance plan, String documentNumber) {
        complete(task(endorsements.calledBy(plan, "PARTNER_BODY")), endorsed("Endorsed by the WAZA Council"));
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 44, documentNumber, "ENDORSED");
    }

    /**
     * Moves the clock just past the timer's due date first, as the job executor would run it, so
     * that a cycle computes its next date as it does in production.
     */
    private static void executeWhenDue(Job timer) {
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        execute(timer);
    }

    private Map<String, Object> newPlan(int start, int end) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AGREEMENT_REFERENCE, "CMS-WAZA-2008");
        variables.put(TITLE, "CMS-WAZA joint work plan " + start + "-" + end);
        variables.put(PERIOD_START, start);
        variables.put(PERIOD_END, end);
        variables.put(THEMES, "A: Outreach and education\nB: Species campaigns");
        return variables;
    }

    private static Map<String, Object> endorsed(String text) {
        return Map.of(EndorsementProcess.DECISION, "ENDORSED", EndorsementProcess.DECISION_DATE, RegisterClock.today().toString(),
                EndorsementProcess.DECISION_TEXT, text);
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
    }

    private static Date at(LocalDate day) {
        return RegisterClock.at(day, LocalTime.of(9, 0));
    }
}
