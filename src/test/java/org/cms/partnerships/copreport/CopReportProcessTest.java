package org.cms.partnerships.copreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cms.partnerships.copreport.CopReportProcess.*;
import static org.cms.partnerships.support.ProcessDriver.values;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.FlowNodeCoverage;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of cop-report (returned by the Executive Secretary, a translation late, the deadline
 * missed, published) and of its schedule, with what each leaves in the register and the mail log; the
 * seed reports run through the process give the seeds' figures, frozen at approval.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopReportProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired CopReportProcess process;
    @Autowired CopReportService reports;
    @Autowired FactsService facts;
    @Autowired MeetingService meetings;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void clock() {
        driver.resetClock();
    }

    @AfterAll
    void everyFlowNodeWasWalked() {
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, KEY);
        FlowNodeCoverage.assertEveryFlowNodeVisited(engine, SCHEDULE_KEY);
    }

    static Map<String, Object> narrativeForm(String prefix) {
        Map<String, Object> form = new HashMap<>();
        for (ReportSection section : ReportSection.values()) {
            form.put(narrative(section).name(), prefix + " narrative of " + section.name().toLowerCase()
                    + ".\n\nA second paragraph with more to say.");
        }
        return form;
    }

    static Map<String, Object> translationForm(String language) {
        Map<String, Object> form = new HashMap<>();
        for (ReportSection section : ReportSection.values()) {
            form.put(translation(section).name(), "[" + language + "] texte traduit de la section " + section.name().toLowerCase());
        }
        return form;
    }

    private ProcessInstance start(Integer cop, LocalDate cutOff) {
        String key = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> process.start(cop, cutOff, null, null));
        return driver.instance(KEY, key);
    }

    private void draftAndApprove(ProcessInstance instance) {
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_DRAFT, narrativeForm("The"));
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_APPROVE, values(DECISION, Decision.APPROVE));
    }

    @Test
    void returnedByTheExecutiveSecretaryThenApprovedTranslatedAndPublishedBeforeTheDeadline() {
        ProcessInstance instance = start(15, null);

        assertThat(instance).hasBusinessKey("COP15-partnerships").hasPassed(COMPILE_FACTS).isWaitingAt(TASK_DRAFT);
        Task draft = driver.task(instance, TASK_DRAFT);
        assertThat(draft).hasCandidateGroup(Groups.PARTNERSHIP_OFFICERS);
        assertThat(draft.getName()).isEqualTo("Draft the narrative of each section · COP15-partnerships");
        Facts live = facts.asOf(RegisterClock.today(), LocalDate.of(2024, 2, 18));
        assertThat(engine.getTaskService().getVariable(draft.getId(), facts(ReportSection.BACKGROUND).name()).toString())
                .contains("**Formal partners: %d**".formatted(live.formalPartnersTotal()));
        assertThat(engine.getTaskService().getVariable(draft.getId(), facts(ReportSection.UN_AGENCIES_IGOS).name()).toString())
                .contains("Pending: CMS-IOTC-2015");
        CopReport opened = reports.get("COP15-partnerships");
        assertThat(opened.symbol()).isEqualTo("UNEP/CMS/COP15/Doc.23.1");
        assertThat(opened.periodFrom()).isEqualTo(LocalDate.of(2024, 2, 18)); // the day after COP14 (Samarkand, 12-17 February 2024)
        assertThat(opened.documentDeadline()).isEqualTo(LocalDate.of(2027, 8, 19)); // 60 days before 18 October 2027
        assertThat(opened.createdBy()).isEqualTo("oliver");

        Map<String, Object> incomplete = narrativeForm("The");
        incomplete.put(narrative(ReportSection.CONCLUSION).name(), "Too short");
        assertThat(driver.refusal(() -> driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_DRAFT, incomplete))
                .getMessage()).isEqualTo("The narrative of the section conclusion must have at least 20 characters");
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_DRAFT, narrativeForm("A first"));
        assertThat(reports.get("COP15-partnerships").status()).isEqualTo(CopReportStatus.AWAITING_APPROVAL);
        assertThat(driver.task(instance, TASK_APPROVE)).hasCandidateGroup(Groups.EXECUTIVE_SECRETARY);

        assertThat(driver.refusal(() -> driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_APPROVE,
                values(DECISION, Decision.RETURN))).getMessage()).isEqualTo("The comment of the Executive Secretary is required");
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_APPROVE,
                values(DECISION, Decision.RETURN, COMMENTS, "Say more on the joint work plans with CBD and Ramsar"));
        assertThat(instance).hasPassed(GATEWAY_APPROVED).isWaitingAt(TASK_DRAFT);
        assertThat(reports.get("COP15-partnerships").status()).isEqualTo(CopReportStatus.DRAFTING);
        assertThat(reports.history("COP15-partnerships")).extracting(CopReportService.Event::note)
                .contains("Returned by the Executive Secretary: Say more on the joint work plans with CBD and Ramsar");

        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_DRAFT, narrativeForm("A second"));
        driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance, TASK_APPROVE,
                values(DECISION, Decision.APPROVE, COMMENTS, "Approved"));
        CopReport approved = reports.get("COP15-partnerships");
        assertThat(approved.status()).isEqualTo(CopReportStatus.IN_TRANSLATION);
        assertThat(approved.approvedBy()).isEqualTo("amina");
        assertThat(approved.cutOff()).isEqualTo(RegisterClock.today());
        assertThat(reports.narrative("COP15-partnerships", Language.EN).get(ReportSection.MEAS)).startsWith("A second narrative");

        // Frozen at approval: a signature recorded afterwards moves the register's figures, not the report's.
        Facts frozen = reports.facts("COP15-partnerships");
        agreements.create(new AgreementService.NewAgreement("CMS-HSI-COP15", partners.getByAcronym("HSI").id(),
                InstrumentType.PARTNERSHIP_AGREEMENT, "Partnership agreement between HSI and the CMS Secretariat", null, null,
                RegisterClock.today(), null, null, null), AgreementStatus.IN_FORCE, "test", "Signed", RegisterClock.now());
        assertThat(facts.asOf(RegisterClock.today(), approved.periodFrom()).newPartnerships())
                .extracting(Facts.AgreementLine::reference).contains("CMS-HSI-COP15");
        assertThat(reports.facts("COP15-partnerships")).isEqualTo(frozen);
        assertThat(frozen.newPartnerships()).extracting(Facts.AgreementLine::reference).doesNotContain("CMS-HSI-COP15");

        assertThat(driver.refusal(() -> driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_REQUEST_TRANSLATIONS,
                values(TRANSLATION_DUE, RegisterClock.today()))).getMessage())
                .isEqualTo("translationDueDate: the deadline %s is not in the future".formatted(RegisterClock.today()));
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_REQUEST_TRANSLATIONS,
                values(TRANSLATION_DUE, RegisterClock.today().plusDays(10)));
        List<Task> translationTasks = driver.tasks(instance, TASK_RECORD_TRANSLATION);
        assertThat(translationTasks).extracting(Task::getName).containsExactlyInAnyOrder(
                "Record the translation (FR) · COP15-partnerships",
                "Record the translation (ES) · COP15-partnerships");
        for (Task task : translationTasks) {
            String language = engine.getTaskService().getVariable(task.getId(), TRANSLATION_LANGUAGE.name()).toString();
            Map<String, Object> form = translationForm(language);
            form.put(TRANSLATION_OUTCOME.name(), TranslationOutcome.RECEIVED.name());
            form.put(TRANSLATION_RECEIVED_ON.name(), RegisterClock.today().toString());
            driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, task, form);
        }
        assertThat(instance).isWaitingAt(TASK_PUBLISH);
        assertThat(reports.get("COP15-partnerships").status()).isEqualTo(CopReportStatus.AWAITING_PUBLICATION);
        assertThat(reports.languages("COP15-partnerships")).containsExactly(Language.EN, Language.ES, Language.FR);
        assertThat(driver.jobs(instance, TIMER_REMINDER)).hasSize(1);
        assertThat(driver.jobs(instance, TIMER_DEADLINE_MISSED)).hasSize(1);

        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_PUBLISH, values(PUBLISHED_ON, RegisterClock.today()));
        assertThat(instance).hasPassed(PUBLISHED).hasNotPassed(TIMER_REMINDER, TIMER_DEADLINE_MISSED, TIMER_TRANSLATION_LATE);
        assertThat(driver.jobs(instance, TIMER_DEADLINE_MISSED)).isEmpty();
        assertThat(reports.get("COP15-partnerships").status()).isEqualTo(CopReportStatus.PUBLISHED);
        assertThat(reports.get("COP15-partnerships").publishedLate()).isFalse();

        driver.run(instance, TELL_COMMITTEE);
        assertThat(instance).hasPassed(END_PUBLISHED).isEnded();
        List<Notification> told = driver.mails("COP15-partnerships", "cop-report-published");
        assertThat(told).hasSize(17);
        assertThat(told).extracting(Notification::language).contains(Language.EN, Language.FR, Language.ES);
        assertThat(told).filteredOn(n -> n.language() == Language.FR).first().extracting(Notification::subject).asString()
                .isEqualTo("UNEP/CMS/COP15/Doc.23.1 : rapport sur les synergies et les partenariats publié");
    }

    @Test
    void aLateTranslationIsToldTheMissedDeadlineAlertsTheManagersAndThePublicationIsLate() {
        ProcessInstance instance = start(14, LocalDate.of(2023, 11, 30));
        draftAndApprove(instance);
        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_REQUEST_TRANSLATIONS,
                values(TRANSLATION_DUE, RegisterClock.today().plusDays(5)));
        // The document deadline (60 days before COP14, 14 December 2023) passed long ago: both timers are due.
        driver.fireWhenDue(instance, TIMER_REMINDER);
        driver.run(instance, REMIND_OFFICERS);
        assertThat(driver.mails("COP14-partnerships", "cop-report-deadline-reminder")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.subject()).isEqualTo("UNEP/CMS/COP14/Doc.23.1: document deadline on 14 December 2023"));
        driver.fireWhenDue(instance, TIMER_DEADLINE_MISSED);
        driver.run(instance, ALERT_MANAGERS);
        assertThat(driver.mails("COP14-partnerships", "cop-report-deadline-missed")).extracting(Notification::recipientName)
                .containsExactly("Marc Dubois");

        // The French translation is late: the officers are told, the task stays open.
        List<Job> late = driver.jobs(instance, TIMER_TRANSLATION_LATE);
        assertThat(late).hasSize(2);
        driver.fireWhenDue(late.get(0));
        driver.run(instance, TELL_TRANSLATION_LATE);
        driver.moveClockTo(driver.dueDay(late.get(0)).plusDays(1)); // the Spanish one arrives the day after its deadline
        assertThat(driver.mails("COP14-partnerships", "cop-report-translation-late")).isNotEmpty();
        assertThat(driver.tasks(instance, TASK_RECORD_TRANSLATION)).hasSize(2);

        for (Task task : driver.tasks(instance, TASK_RECORD_TRANSLATION)) {
            String language = engine.getTaskService().getVariable(task.getId(), TRANSLATION_LANGUAGE.name()).toString();
            Map<String, Object> form = new HashMap<>();
            if (language.equals("FR")) {
                form.put(TRANSLATION_OUTCOME.name(), TranslationOutcome.NOT_RECEIVED.name());
            } else {
                form.putAll(translationForm(language));
                form.put(TRANSLATION_OUTCOME.name(), TranslationOutcome.RECEIVED.name());
                form.put(TRANSLATION_RECEIVED_ON.name(), RegisterClock.today().toString());
            }
            driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, task, form);
        }
        assertThat(reports.languages("COP14-partnerships")).containsExactly(Language.EN, Language.ES);
        assertThat(reports.translations("COP14-partnerships")).filteredOn(t -> t.language() == Language.ES)
                .singleElement().satisfies(t -> assertThat(t.late()).isTrue());

        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance, TASK_PUBLISH, values(PUBLISHED_ON, RegisterClock.today()));
        driver.run(instance, TELL_COMMITTEE);
        assertThat(instance).hasPassed(PUBLISHED, END_PUBLISHED).isEnded();
        assertThat(reports.get("COP14-partnerships").publishedLate()).isTrue();
        assertThat(reports.history("COP14-partnerships")).extracting(CopReportService.Event::note).anySatisfy(note ->
                assertThat(note).contains("(after the document deadline 2023-12-14)"));
    }

    @Test
    void theSeedReportsRunThroughTheProcessGiveTheSeedsFiguresFrozenAtApproval() {
        record Seed(int cop, LocalDate cutOff, int formalPartners, List<String> newPartners) {
        }
        for (Seed seed : List.of(new Seed(10, LocalDate.of(2011, 9, 30), 28, List.of("BERN", "FOC", "MWN")),
                new Seed(11, LocalDate.of(2014, 7, 31), 29, List.of("CAFF", "WWF-DE")),
                new Seed(12, LocalDate.of(2017, 7, 24), 31, List.of("OCEANCARE", "CBCGDF")))) {
            ProcessInstance instance = start(seed.cop(), seed.cutOff());
            draftAndApprove(instance);
            String key = "COP%d-partnerships".formatted(seed.cop());
            Facts frozen = reports.facts(key);
            assertThat(frozen).isEqualTo(facts.asOf(seed.cutOff(), null));
            assertThat(frozen.formalPartnersTotal()).isEqualTo(seed.formalPartners());
            assertThat(frozen.newPartnerships()).extracting(Facts.AgreementLine::partnerAcronym)
                    .containsExactlyInAnyOrderElementsOf(seed.newPartners());
            assertThat(reports.get(key).cutOff()).isEqualTo(seed.cutOff());
            engine.getRuntimeService().deleteProcessInstance(instance.getId(), "Seed run checked");
        }
    }

    @Test
    void anUnknownCopACutOffBeforeThePeriodAndAUsedSymbolAreRefusedAndNothingIsWritten() {
        long before = reports.all().size();
        InvalidInputException unknown = driver.refusal(() -> start(99, null));
        assertThat(unknown.getMessage()).isEqualTo("copNumber: there is no 99th meeting of the Conference of the Parties in the register");
        InvalidInputException early = driver.refusal(() -> start(13, LocalDate.of(2017, 10, 1)));
        assertThat(early.getMessage())
                .isEqualTo("cutOffDate: 2017-10-01 is before the start of the period (2017-10-29, the day after COP12)");
        InvalidInputException first = driver.refusal(() -> start(9, null));
        assertThat(first.getMessage()).startsWith("copNumber: the register has no earlier Conference of the Parties");
        assertThat(reports.all()).hasSize((int) before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey("COP13-partnerships").count()).isZero();
    }

    @Test
    void theScheduleStartsTheReportMonthsBeforeTheNextCopOfTheRegisterOnce() {
        meetings.create(new MeetingService.MeetingInput(Meeting.Kind.COP, 16, "Test venue", LocalDate.of(2030, 10, 7),
                LocalDate.of(2030, 10, 12), "A later COP for the schedule test"));
        driver.moveClockTo(LocalDate.of(2030, 1, 20)); // within 9 months of 7 October 2030
        Job morning = engine.getManagementService().createJobQuery().processDefinitionKey(SCHEDULE_KEY).timers().singleResult();
        engine.getManagementService().executeJob(morning.getId());
        ProcessInstance report = driver.instance(KEY, "COP16-partnerships");
        assertThat(report).isWaitingAt(TASK_DRAFT);
        assertThat(reports.get("COP16-partnerships").periodFrom()).isEqualTo(LocalDate.of(2027, 10, 24));
        assertThat(reports.get("COP16-partnerships").createdBy()).isEqualTo("system");

        assertThat(process.startDue(RegisterClock.today())).isEmpty(); // the next morning starts nothing twice
        engine.getRuntimeService().deleteProcessInstance(report.getId(), "Schedule checked");
    }
}
