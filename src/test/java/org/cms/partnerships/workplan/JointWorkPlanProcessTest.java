package org.cms.partnerships.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.support.ProcessDriver.values;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.PartnerService;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The joint work plan lifecycle: the real CMS-CITES 2012-2014 programme from consultation to its
 * closure report, succeeding the 2008-2011 list; new WAZA plans for the paths the real one did not
 * take (one body refusing, meetings over three years, extensions endorsed and refused, a stop).
 * The register's status history shows each stage the plan went through.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointWorkPlanProcessTest {

    static final String CITES_2012 = "JWP-CMS-CITES-2012-2014";
    static final String CITES_2008 = "JWP-CMS-CITES-2008-2011";
    static final String OFFICER = "oliver";

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired WorkPlanService workPlans;
    @Autowired WorkPlanLifecycle lifecycle;
    @Autowired PartnerService partners;
    @Autowired AgreementService agreements;
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
        driver.resetClock();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
    }

    @Test
    void theTwentyTwelvePlanIsConsultedEndorsedByBothBodiesTakesOverTheOldPlanAndClosesWithItsReport() {
        ProcessInstance plan = driver.instance(KEY, lifecycle.startFor(CITES_2012));
        assertThat(plan).hasBusinessKey(CITES_2012).isWaitingAt(TASK_DRAFT);
        assertThat(driver.task(plan, TASK_DRAFT)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(variable(plan, ACTIVITIES_TEXT)).hasSizeLessThan(4000)
                .contains("A1 (2012, Not started): On-going update", "B1 (2012-2014, Not started, funding not secured)");

        // Text longer than the engine keeps is refused with a clear message, not a database error.
        String tooLong = "D9 | 2013 | A very long list of activities typed into the form | no\n".repeat(70);
        InvalidInputException tooLongRefusal = driver.refusal(() -> complete(plan, TASK_DRAFT,
                values(ACTIVITY_LINES, tooLong, COMMENT_DEADLINE, today.plusDays(30))));
        assertThat(tooLongRefusal).hasMessageContaining("'activitiesToAdd' is %d characters long; at most 4000 fit".formatted(tooLong.length()))
                .hasMessageContaining("import the activities as a CSV or JSON file");
        assertThat(plan).isWaitingAt(TASK_DRAFT);
        // A deadline already passed is refused.
        assertThat(driver.refusal(() -> complete(plan, TASK_DRAFT, values(COMMENT_DEADLINE, today))))
                .hasMessageContaining("The deadline for comments %s is not in the future".formatted(today));

        // Consultation: sent to the CITES focal point, two rounds of comments, then the deadline.
        complete(plan, TASK_DRAFT, values(COMMENT_DEADLINE, today.plusDays(30)));
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.IN_CONSULTATION);
        assertThat(lastChange(CITES_2012)).satisfies(change -> {
            assertThat(change.fromStatus()).isEqualTo(WorkPlanStatus.DRAFT);
            assertThat(change.changedBy()).isEqualTo(OFFICER);
            assertThat(change.reason()).isEqualTo("Draft sent to CITES for comments until " + today.plusDays(30));
        });
        driver.run(plan, SEND_TO_PARTNER);
        assertThat(driver.mails(CITES_2012, "work-plan-consultation")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("jean-marc.perrin@cites.example.org"));
        complete(plan, TASK_PARTNER_COMMENTS, values(PARTNER_COMMENTS, "Add the trilateral meetings with FAO on sharks (B8)."));
        complete(plan, TASK_PARTNER_COMMENTS, values(PARTNER_COMMENTS, "Link the saiga work to the Medium-Term International Work Programme."));
        assertThat(plan).isWaitingAt(TASK_PARTNER_COMMENTS);
        assertThat(driver.refusal(() -> complete(plan, TASK_PARTNER_COMMENTS, values(PARTNER_COMMENTS, ""))))
                .hasMessageContaining("The partner's comments is required");
        driver.run(plan, COMMENT_DEADLINE_PASSED);
        assertThat(plan).isWaitingAt(TASK_REVISE);
        assertThat(workPlans.comments(CITES_2012)).filteredOn(c -> c.kind().equals("CONSULTATION"))
                .extracting(WorkPlanService.Comment::text).hasSize(2).first().asString().contains("FAO");
        // The revision adds, changes and removes activities in one go, or nothing if a line is wrong.
        int before = workPlans.activities(CITES_2012).size();
        assertThat(driver.refusal(() -> complete(plan, TASK_REVISE, values(ACTIVITY_LINES, "D5 | 2013 | A side event at CoP16 | no\nD9 | remove"))))
                .hasMessageContaining("Line 2: there is no activity D9 to remove");
        assertThat(workPlans.activities(CITES_2012)).hasSize(before);
        complete(plan, TASK_REVISE, values(ACTIVITY_LINES, """
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
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.AWAITING_ENDORSEMENT);
        BpmnAwareComplete.task(engine, endorsements.calledBy(plan, "PARTNER_BODY"), endorsed("Endorsed by the CITES Standing Committee"));
        assertThat(workPlans.get(CITES_2008).status()).isEqualTo(WorkPlanStatus.IN_IMPLEMENTATION);
        String scheduleTask = driver.task(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), EndorsementProcess.TASK_SCHEDULE).getId();
        assertThat(engine.getTaskService().getVariableLocal(scheduleTask, org.cms.partnerships.agreement.AgreementProcess.COMMENTS_SO_FAR.name()))
                .as("a joint work plan is no agreement: its schedule form shows no agreement comments").isNull();
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 80, "UNEP/CMS/StC80/Doc.16", "ENDORSED");

        // Carry-over: B3 is dropped with its reason, the other unfinished activities come across.
        assertThat(plan).isWaitingAt(TASK_CARRY_OVER);
        assertThat(driver.task(plan, TASK_CARRY_OVER)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(variable(plan, UNFINISHED_ACTIVITIES))
                .contains("A4 (Not started)", "B3 (Not started)", "D1 (In progress)").doesNotContain("A2 (");
        assertThat(driver.refusal(() -> complete(plan, TASK_CARRY_OVER, values(DROP_LINES, "A2 | finished anyway\nB3 | no"))))
                .hasMessageContaining("A2 is not an unfinished activity of " + CITES_2008)
                .hasMessageContaining("Give the reason for dropping B3");
        complete(plan, TASK_CARRY_OVER, values(DROP_LINES, "B3 | Indicators now sought through the 2020 targets work of the CSAB"));
        assertThat(plan).hasPassed(CARRY_OVER);
        assertThat(workPlans.get(CITES_2008).status()).isEqualTo(WorkPlanStatus.CLOSED);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(CITES_2008).count())
                .as("the 2008-2011 list, under process control since start-up, ends its lifecycle with its closure").isZero();
        assertThat(lastChange(CITES_2008).reason()).isEqualTo("Succeeded by %s; unfinished activities carried over".formatted(CITES_2012));
        assertThat(workPlans.activity(CITES_2008, "B3").status()).isEqualTo(ActivityStatus.DROPPED);
        assertThat(workPlans.logEntries(CITES_2008)).extracting(WorkPlanService.LogEntry::text)
                .contains("Carried over to " + CITES_2012 + " as A1-2008",
                        "Dropped at the close of the plan: Indicators now sought through the 2020 targets work of the CSAB");
        assertThat(workPlans.activities(CITES_2012)).extracting(WorkPlanActivity::code)
                .contains("A1-2008", "A3-2008", "A4-2008", "B1-2008", "B2-2008", "C2-2008", "C3-2008", "D1-2008")
                .doesNotContain("B3-2008", "A2-2008");
        assertThat(workPlans.activity(CITES_2012, "D1-2008").status()).isEqualTo(ActivityStatus.IN_PROGRESS);
        assertThat(workPlans.comments(CITES_2012)).filteredOn(c -> c.kind().equals("CARRY_OVER")).singleElement()
                .satisfies(c -> assertThat(c.text()).startsWith("Carried over: A1-2008").endsWith("; dropped: B3"));

        // Implementation: externally funded activities wait for their funding.
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.IN_IMPLEMENTATION);
        assertThat(workPlans.activity(CITES_2012, "B1").status()).isEqualTo(ActivityStatus.AWAITING_FUNDING);
        assertThat(plan).isWaitingAt(TASK_PROGRESS);
        assertThat(variable(plan, ACTIVITIES_TEXT)).contains("A1-2008 (", "B1 (2012-2014, Awaiting funding, funding not secured)");
        assertThat(driver.refusal(() -> complete(plan, TASK_PROGRESS, values(ACTIVITY_CODE, "B1", ACTIVITY_STATUS, ActivityStatus.IN_PROGRESS))))
                .hasMessageContaining("B1 waits for external funding");
        complete(plan, TASK_PROGRESS, values(ACTIVITY_CODE, "B1", FUNDING_SECURED, true,
                PROGRESS_TEXT, "Funding from the European Commission for the third joint meeting in West Africa."));
        assertThat(workPlans.activity(CITES_2012, "B1")).satisfies(b1 -> {
            assertThat(b1.fundingStatus()).isEqualTo(FundingStatus.SECURED);
            assertThat(b1.status()).isEqualTo(ActivityStatus.NOT_STARTED);
        });
        complete(plan, TASK_PROGRESS, values(ACTIVITY_CODE, "A1", ACTIVITY_STATUS, ActivityStatus.COMPLETED,
                PROGRESS_TEXT, "Concordance list updated after CITES CoP16 and circulated to both Scientific Councils."));
        assertThat(plan).isWaitingAt(TASK_PROGRESS);
        assertThat(variable(plan, ACTIVITIES_TEXT)).contains("A1 (2012, Completed)");

        // The plan was endorsed after its period: one coordination meeting, then extend or close.
        assertThat(variable(plan, MEETING_CYCLE)).isEqualTo("R1/P1Y");
        assertThat(driver.job(plan, EXTENSION_DUE).getDuedate()).isEqualTo(at(today.plusYears(1).plusDays(1)));
        fireJustAfterDue(plan, MEETING_DUE);
        assertThat(plan).isWaitingAt(TASK_PROGRESS, TASK_MEETING);
        assertThat(driver.task(plan, TASK_MEETING)).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        complete(plan, TASK_MEETING, values(MEETING_SUMMARY, "Annual coordination meeting in Geneva: B1 funded, A1 done."));
        driver.run(plan, SEND_PROGRESS_REPORT);
        List<Notification> reports = driver.mails(CITES_2012, "work-plan-progress");
        assertThat(reports).isNotEmpty().allSatisfy(n -> assertThat(n.body()).contains("1 completed", "B1 funded"));
        assertThat(driver.jobs(plan, MEETING_DUE)).isEmpty();

        driver.fireWhenDue(plan, EXTENSION_DUE);
        assertThat(plan).isWaitingAt(TASK_EXTENSION);
        assertThat(driver.refusal(() -> complete(plan, TASK_EXTENSION,
                values(EXTENSION_DECISION, ExtensionDecision.EXTEND, NEW_END_YEAR, 2013, EXTENSION_REASON, ""))))
                .hasMessageContaining("The new last year 2013 must be after 2014");
        complete(plan, TASK_EXTENSION, values(EXTENSION_DECISION, ExtensionDecision.CLOSE));
        assertThat(plan).hasPassed(END_CLOSED).hasNotPassed(EXTENSION_ENDORSEMENT).isEnded();
        assertThat(workPlans.get(CITES_2012).status()).isEqualTo(WorkPlanStatus.CLOSED);
        assertThat(statuses(CITES_2012)).containsExactly(WorkPlanStatus.DRAFT, WorkPlanStatus.IN_CONSULTATION,
                WorkPlanStatus.AWAITING_ENDORSEMENT, WorkPlanStatus.IN_IMPLEMENTATION, WorkPlanStatus.CLOSED);
        assertThat(lastChange(CITES_2012).reason()).contains("/api/work-plans/" + CITES_2012 + "/report.html");

        ResponseEntity<String> report = rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/" + CITES_2012 + "/report.html", String.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody()).contains("CMS-CITES Joint Work Programme 2012-2014", "Concordance list updated after CITES CoP16",
                "Funding from the European Commission", "A1-2008", "Joint side event on migratory species");
        String carryOver = report.getBody().substring(report.getBody().indexOf("Unfinished activities"));
        assertThat(carryOver).contains("B1 (Not started)", "D1-2008 (In progress)").doesNotContain("A1 (");
        assertThat(rest.withBasicAuth("oliver", "oliver").getForEntity("/api/work-plans/" + CITES_2012 + "/report.odt", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPlanOnlyOneBodyEndorsesIsNotAdoptedAndNeverStarts() {
        ProcessInstance plan = proposeAndConsult("JWP-WAZA-2031-2033", 2031, 2033);
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 82, "UNEP/CMS/StC82/Doc.9", "ENDORSED");
        assertThat(plan).isWaitingAt(PARTNER_ENDORSEMENT);
        Map<String, Object> refused = values(EndorsementProcess.ENDORSEMENT_DECISION, "NOT_ENDORSED",
                EndorsementProcess.ENDORSEMENT_DECISION_DATE, today, EndorsementProcess.ENDORSEMENT_DECISION_TEXT, "WAZA Council asks for a smaller plan");
        BpmnAwareComplete.task(engine, endorsements.calledBy(plan, "PARTNER_BODY"), refused);
        assertThat(plan).hasPassed(END_NOT_ADOPTED).hasNotPassed(IMPLEMENTATION, TASK_CARRY_OVER).isEnded();
        assertThat(workPlans.get("JWP-WAZA-2031-2033").status()).isEqualTo(WorkPlanStatus.NOT_ADOPTED);
        assertThat(lastChange("JWP-WAZA-2031-2033").reason())
                .isEqualTo("Not endorsed by both bodies (CMS Standing Committee: ENDORSED; partner's body: NOT_ENDORSED)");
        assertThat(workPlans.comments("JWP-WAZA-2031-2033")).filteredOn(c -> c.kind().equals("ENDORSEMENT"))
                .extracting(WorkPlanService.Comment::text).containsExactlyInAnyOrder("ENDORSED", "NOT_ENDORSED");
    }

    @Test
    void aThreeYearPlanHoldsTwoCoordinationMeetingsIsExtendedWithEndorsementAndStopsWithItsAgreement() {
        String reference = "JWP-WAZA-2027-2029";
        ProcessInstance plan = proposeAndConsult(reference, 2027, 2029);
        bothBodiesEndorse(plan, "UNEP/CMS/StC81/Doc.12");
        assertThat(plan).hasNotPassed(TASK_CARRY_OVER).isWaitingAt(TASK_PROGRESS);
        assertThat(variable(plan, MEETING_CYCLE)).isEqualTo("R2/P1Y");

        for (int year = 1; year <= 2; year++) {
            fireJustAfterDue(plan, MEETING_DUE);
            complete(plan, TASK_MEETING, values(MEETING_SUMMARY, "Coordination meeting number " + year + " with WAZA"));
            driver.run(plan, SEND_PROGRESS_REPORT);
            assertThat(driver.mails(reference, "work-plan-progress"))
                    .extracting(Notification::body).anySatisfy(body -> assertThat(body).contains("Coordination meeting number"));
        }
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(plan.getId())
                .activityId(TASK_MEETING).count()).isEqualTo(2);
        assertThat(driver.jobs(plan, MEETING_DUE)).isEmpty();

        Job extensionDue = driver.job(plan, EXTENSION_DUE);
        assertThat(extensionDue.getDuedate()).isEqualTo(at(LocalDate.of(2029, 10, 2)));
        driver.fireWhenDue(extensionDue);
        complete(plan, TASK_EXTENSION, values(EXTENSION_DECISION, ExtensionDecision.EXTEND, NEW_END_YEAR, 2030,
                EXTENSION_REASON, "The Year of the Bat campaign runs on into 2030"));
        // As in seed 002 §4, where the CITES Standing Committee endorsed the extension: both bodies decide.
        assertThat(plan).isWaitingAt(EXTENSION_ENDORSEMENT, PARTNER_EXTENSION_ENDORSEMENT);
        BpmnAwareComplete.task(engine, endorsements.calledBy(plan, "PARTNER_BODY"), endorsed("The WAZA Council agrees to the extension"));
        assertThat(plan).isWaitingAt(EXTENSION_ENDORSEMENT).isNotWaitingAt(PARTNER_EXTENSION_ENDORSEMENT);
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 83, "UNEP/CMS/StC83/Doc.3", "ENDORSED");
        assertThat(plan).hasPassed(EXTEND).isWaitingAt(TASK_PROGRESS);
        assertThat(workPlans.get(reference).periodEndYear()).isEqualTo(2030);
        assertThat(variable(plan, LAST_YEAR)).isEqualTo(2030);
        assertThat(driver.job(plan, EXTENSION_DUE).getDuedate()).isEqualTo(at(LocalDate.of(2030, 10, 2)));
        assertThat(workPlans.comments(reference)).extracting(WorkPlanService.Comment::text)
                .contains("EXTEND to 2030: The Year of the Bat campaign runs on into 2030");

        assertThat(lifecycle.stopImplementation(reference, "CMS-WAZA-2008 terminated")).isTrue();
        assertThat(plan).hasPassed(STOPPED, END_STOPPED).isEnded();
        assertThat(workPlans.get(reference).status()).isEqualTo(WorkPlanStatus.STOPPED);
        assertThat(lastChange(reference).reason()).isEqualTo("CMS-WAZA-2008 terminated");
        assertThat(statuses(reference)).containsExactly(WorkPlanStatus.DRAFT, WorkPlanStatus.IN_CONSULTATION,
                WorkPlanStatus.AWAITING_ENDORSEMENT, WorkPlanStatus.IN_IMPLEMENTATION, WorkPlanStatus.STOPPED);
        assertThat(lifecycle.stopImplementation(reference, "again")).isFalse();
    }

    @Test
    void anExtensionTheCommitteeRefusesClosesThePlanOnItsOriginalPeriodThoughThePartnerAgreed() {
        String reference = "JWP-WAZA-2034-2035";
        ProcessInstance plan = proposeAndConsult(reference, 2034, 2035);
        bothBodiesEndorse(plan, "UNEP/CMS/StC81/Doc.13");
        driver.run(plan, EXTENSION_DUE);
        complete(plan, TASK_EXTENSION, values(EXTENSION_DECISION, ExtensionDecision.EXTEND, NEW_END_YEAR, 2036,
                EXTENSION_REASON, "More time for the bat surveys"));
        BpmnAwareComplete.task(engine, endorsements.calledBy(plan, "PARTNER_BODY"), endorsed("The WAZA Council agrees to the extension"));
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 84, "UNEP/CMS/StC84/Doc.4", "NOT_ENDORSED");
        assertThat(plan).hasPassed(EXTENSION_ENDORSEMENT, PARTNER_EXTENSION_ENDORSEMENT, END_CLOSED).hasNotPassed(EXTEND).isEnded();
        assertThat(workPlans.get(reference).status()).isEqualTo(WorkPlanStatus.CLOSED);
        assertThat(workPlans.get(reference).periodEndYear()).isEqualTo(2035);
    }

    @Test
    void aPlanUnderAnAgreementNoLongerInForceIsRefusedWithEveryProblem() {
        InvalidInputException refusal = driver.refusal(() -> lifecycle.propose(new WorkPlanProposals.Proposal("CMS-WAZA-2006",
                "CMS-WAZA joint work plan 2030-2032", 2030, 2032, "Outreach", null)));
        assertThat(refusal).hasMessageContaining("CMS-WAZA-2006 is SUPERSEDED: a joint work plan needs an agreement in force")
                .hasMessageContaining("Theme 'Outreach' must read like 'A: Harmonization'");
        assertThat(workPlans.find("JWP-WAZA-2030-2032")).isEmpty();

        workPlans.create(new WorkPlanService.NewWorkPlan("JWP-WAZA-2009-2010", partners.getByAcronym("WAZA").id(), null,
                "Year of the Gorilla joint plan", 2009, 2010, WorkPlanStatus.CLOSED, null));
        assertThat(driver.refusal(() -> lifecycle.propose(new WorkPlanProposals.Proposal("CMS-WAZA-2008",
                "CMS-WAZA joint work plan 2036-2037", 2036, 2037, "A: Outreach", "JWP-WAZA-2009-2010"))))
                .hasMessageContaining("JWP-WAZA-2009-2010 is CLOSED: only a plan in implementation hands its unfinished activities over");
        assertThat(driver.refusal(() -> lifecycle.startFor(CITES_2008))).hasMessageContaining("only a draft plan starts its lifecycle");
    }

    @Test
    void aPlanHasOneLifecycleAtATime() {
        workPlans.create(new WorkPlanService.NewWorkPlan("JWP-WAZA-2040-2041", partners.getByAcronym("WAZA").id(),
                agreements.get("CMS-WAZA-2008").id(), "A plan drafted in the register", 2040, 2041, WorkPlanStatus.DRAFT, null));
        assertThat(lifecycle.startFor("jwp-waza-2040-2041")).isEqualTo("JWP-WAZA-2040-2041");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.startFor("JWP-WAZA-2040-2041"))
                .isInstanceOf(ConflictException.class);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey("JWP-WAZA-2040-2041").count()).isEqualTo(1);
    }

    @Test
    void thePlanStatusLifecycleIsCheckedWhoeverMovesIt() {
        // A closed plan does not come back: the register refuses the move, whoever asks.
        workPlans.create(new WorkPlanService.NewWorkPlan("JWP-WAZA-2001-2002", partners.getByAcronym("WAZA").id(), null,
                "An old plan recorded closed", 2001, 2002, WorkPlanStatus.CLOSED, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workPlans.changeStatus("JWP-WAZA-2001-2002",
                WorkPlanStatus.IN_IMPLEMENTATION, OFFICER, "reopened")).isInstanceOf(ConflictException.class)
                .hasMessage("JWP-WAZA-2001-2002 is CLOSED: it cannot become IN_IMPLEMENTATION");
        assertThat(workPlans.history("JWP-WAZA-2001-2002")).singleElement().satisfies(first -> {
            assertThat(first.fromStatus()).isNull();
            assertThat(first.toStatus()).isEqualTo(WorkPlanStatus.CLOSED);
        });
        // The funding rule holds outside the process too: whoever records progress.
        String plan = "JWP-WAZA-2003-2004";
        workPlans.create(new WorkPlanService.NewWorkPlan(plan, partners.getByAcronym("WAZA").id(), null,
                "A plan recorded in implementation", 2003, 2004, WorkPlanStatus.IN_IMPLEMENTATION, null));
        workPlans.addTheme(plan, "A", "Outreach");
        workPlans.addActivity(plan, new WorkPlanService.NewActivity("A", "A1", null, "Bat survey training, subject to external funding",
                "2004", "Joint", true));
        assertThat(driver.refusal(() -> workPlans.recordProgress(plan, "A1", ActivityStatus.IN_PROGRESS, "", null, false, OFFICER)))
                .hasMessage("A1 waits for external funding: record the funding first");
        assertThat(driver.refusal(() -> workPlans.recordProgress(plan, "A9", null, "", today.plusDays(1), false, OFFICER)).problems())
                .containsExactly("No activity A9 in " + plan, "The date %s is in the future".formatted(today.plusDays(1)),
                        "Record a new status, what was done, or that funding was secured");
        assertThat(workPlans.recordProgress(plan, "A1", ActivityStatus.IN_PROGRESS, "Funded by the host zoo", null, true, OFFICER))
                .satisfies(a1 -> {
                    assertThat(a1.status()).isEqualTo(ActivityStatus.IN_PROGRESS);
                    assertThat(a1.fundingStatus()).isEqualTo(FundingStatus.SECURED);
                });
    }

    /** A new WAZA plan proposed, drafted, sent and revised after a comment deadline without comments. */
    private ProcessInstance proposeAndConsult(String reference, int start, int end) {
        String proposed = driver.as(OFFICER, List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(new WorkPlanProposals.Proposal(
                "CMS-WAZA-2008", "CMS-WAZA joint work plan " + start + "-" + end, start, end,
                "A: Outreach and education\nB: Species campaigns", null)));
        assertThat(proposed).isEqualTo(reference);
        ProcessInstance plan = driver.instance(KEY, reference);
        assertThat(plan).isWaitingAt(TASK_DRAFT);
        assertThat(workPlans.history(reference)).singleElement().satisfies(first -> {
            assertThat(first.toStatus()).isEqualTo(WorkPlanStatus.DRAFT);
            assertThat(first.changedBy()).isEqualTo(OFFICER);
        });
        complete(plan, TASK_DRAFT, values(ACTIVITY_LINES, """
                A1 | %d | Joint zoo campaign for the Year of the Bat | no
                B1 | %d-%d | Bat monitoring training for zoo educators, subject to external funding | yes""".formatted(start, start, end),
                COMMENT_DEADLINE, today.plusDays(20)));
        driver.run(plan, SEND_TO_PARTNER);
        assertThat(driver.mails(reference, "work-plan-consultation")).singleElement()
                .satisfies(n -> assertThat(n.recipientEmail()).isEqualTo("markus.keller@waza.example.org"));
        driver.run(plan, COMMENT_DEADLINE_PASSED);
        complete(plan, TASK_REVISE, values());
        assertThat(plan).isWaitingAt(CMS_ENDORSEMENT, PARTNER_ENDORSEMENT);
        assertThat(workPlans.comments(reference)).noneMatch(c -> c.kind().equals("CONSULTATION"));
        return plan;
    }

    private void bothBodiesEndorse(ProcessInstance plan, String documentNumber) {
        BpmnAwareComplete.task(engine, endorsements.calledBy(plan, "PARTNER_BODY"), endorsed("Endorsed by the WAZA Council"));
        endorsements.decideAtMeeting(endorsements.calledBy(plan, "CMS_STANDING_COMMITTEE"), 81, documentNumber, "ENDORSED");
    }

    /** A cycle timer fired a minute after it falls due, as the job executor does: the next date is then the next year. */
    private void fireJustAfterDue(ProcessInstance plan, String timerActivityId) {
        Job timer = driver.job(plan, timerActivityId);
        driver.moveClockTo(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
    }

    private void complete(ProcessInstance plan, String taskKey, Map<String, Object> form) {
        driver.complete(OFFICER, Groups.PARTNERSHIP_OFFICERS, plan, taskKey, form);
    }

    /** A form's values, by descriptor: {@code values(COMMENT_DEADLINE, day, ACTIVITY_LINES, text)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T variable(ProcessInstance plan, ProcessVariable<T> variable) {
        return variable.read(engine.getRuntimeService().getVariable(plan.getId(), variable.name()));
    }

    private List<WorkPlanStatus> statuses(String reference) {
        return workPlans.history(reference).stream().map(WorkPlanStatusChange::toStatus).toList();
    }

    private WorkPlanStatusChange lastChange(String reference) {
        List<WorkPlanStatusChange> history = workPlans.history(reference);
        return history.get(history.size() - 1);
    }

    private static Map<String, Object> endorsed(String text) {
        return values(EndorsementProcess.ENDORSEMENT_DECISION, "ENDORSED", EndorsementProcess.ENDORSEMENT_DECISION_DATE,
                RegisterClock.today(), EndorsementProcess.ENDORSEMENT_DECISION_TEXT, text);
    }

    private static Date at(LocalDate day) {
        return RegisterClock.at(day, LocalTime.of(9, 0));
    }

    /** The partner body's decision task of a called endorsement (its only open task). */
    private static final class BpmnAwareComplete {
        static void task(ProcessEngine engine, ProcessInstance endorsement, Map<String, Object> form) {
            String taskId = engine.getTaskService().createTaskQuery().processInstanceId(endorsement.getId()).singleResult().getId();
            engine.getTaskService().complete(taskId, form);
        }
    }
}
