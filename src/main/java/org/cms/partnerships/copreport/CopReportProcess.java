package org.cms.partnerships.copreport;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code cop-report}: the report to a Conference of the Parties on synergies and partnerships, and
 * {@code cop-report-schedule}, which starts it {@code cms.cop-report.start-months-before} months before a
 * COP of the register. The one place that starts them, with their keys, element ids and variables.
 * Business key: {@code COP13-partnerships}.
 */
@Component
public class CopReportProcess {

    public static final String KEY = "cop-report";
    public static final String SCHEDULE_KEY = "cop-report-schedule";

    public static final String START = "startEvent_reportRequested";
    public static final String COMPILE_FACTS = "serviceTask_compileFacts";
    public static final String TASK_DRAFT = "userTask_draftNarrative";
    public static final String TASK_APPROVE = "userTask_approveReport";
    public static final String GATEWAY_APPROVED = "gateway_approved";
    public static final String TASK_REQUEST_TRANSLATIONS = "userTask_requestTranslations";
    public static final String PUBLICATION = "subProcess_publication";
    public static final String TRANSLATIONS = "subProcess_translations";
    public static final String TASK_RECORD_TRANSLATION = "userTask_recordTranslation";
    public static final String TIMER_TRANSLATION_LATE = "boundaryEvent_translationLate";
    public static final String TELL_TRANSLATION_LATE = "serviceTask_tellOfficersTranslationLate";
    public static final String TASK_PUBLISH = "userTask_publishReport";
    public static final String TIMER_REMINDER = "boundaryEvent_publicationReminder";
    public static final String REMIND_OFFICERS = "serviceTask_remindOfficersOfDeadline";
    public static final String TIMER_DEADLINE_MISSED = "boundaryEvent_deadlineMissed";
    public static final String ALERT_MANAGERS = "serviceTask_alertManagersDeadlineMissed";
    public static final String PUBLISHED = "throwEvent_reportPublished";
    public static final String TELL_COMMITTEE = "serviceTask_tellCommitteeMembers";
    public static final String END_PUBLISHED = "endEvent_reportPublished";

    public static final String SCHEDULE_START = "startEvent_everyMorning";
    public static final String START_DUE = "serviceTask_startDueReports";

    /** The Executive Secretary's two answers. */
    public enum Decision { APPROVE, RETURN }

    /** A courtesy translation arrived, or the report goes out without it. */
    public enum TranslationOutcome { RECEIVED, NOT_RECEIVED }

    // Start input
    public static final ProcessVariable<Integer> COP_NUMBER = ProcessVariable.integer("copNumber")
            .labelled("number of the Conference of the Parties");
    public static final ProcessVariable<LocalDate> CUT_OFF = ProcessVariable.date("cutOffDate").labelled("cut-off date");
    public static final ProcessVariable<String> SYMBOL = ProcessVariable.text("reportSymbol").labelled("document symbol");
    public static final ProcessVariable<String> AGENDA_ITEM = ProcessVariable.text("agendaItem").labelled("agenda item");
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.text("copReportRequestedBy");

    // Set at start: what the report is, for every form, task title and e-mail
    public static final ProcessVariable<String> REPORT_KEY = ProcessVariable.text("copReportKey");
    public static final ProcessVariable<String> COP_TITLE = ProcessVariable.text("copTitle");
    public static final ProcessVariable<LocalDate> PERIOD_FROM = ProcessVariable.date("reportPeriodFrom");
    public static final ProcessVariable<LocalDate> DOCUMENT_DEADLINE = ProcessVariable.date("documentDeadline");
    public static final ProcessVariable<java.util.Date> DOCUMENT_DEADLINE_AT = ProcessVariable.instant("documentDeadlineAt");
    public static final ProcessVariable<java.util.Date> REMINDER_AT = ProcessVariable.instant("publicationReminderAt");

    /** One line of the figures (compiled, then refreshed on each task until approval). */
    public static final ProcessVariable<String> FACTS_SUMMARY = ProcessVariable.text("factsSummary");
    /** The draft and approval forms: where the facts are as at, and the links to the documents. */
    public static final ProcessVariable<String> FACTS_AS_OF = ProcessVariable.text("factsAsOf");
    public static final ProcessVariable<String> DOCUMENT_LINKS = ProcessVariable.text("documentLinks");

    // The Executive Secretary
    public static final ProcessVariable<Decision> DECISION = ProcessVariable.choice("copReportDecision", Decision.class)
            .labelled("decision");
    public static final ProcessVariable<String> COMMENTS = ProcessVariable.text("copReportComments")
            .labelled("comment of the Executive Secretary");

    // Translations
    public static final ProcessVariable<LocalDate> TRANSLATION_DUE = ProcessVariable.date("translationDueDate")
            .labelled("deadline of the translations");
    public static final ProcessVariable<java.util.Date> TRANSLATION_DUE_AT = ProcessVariable.instant("translationDueAt");
    public static final ProcessVariable<List<String>> TRANSLATION_LANGUAGES = ProcessVariable.textList("translationLanguages");
    /** The element variable of the translations' multi-instance: FR or ES. */
    public static final ProcessVariable<String> TRANSLATION_LANGUAGE = ProcessVariable.text("translationLanguage");
    public static final ProcessVariable<String> TRANSLATION_LANGUAGE_NAME = ProcessVariable.text("translationLanguageName");
    public static final ProcessVariable<TranslationOutcome> TRANSLATION_OUTCOME =
            ProcessVariable.choice("translationOutcome", TranslationOutcome.class).labelled("translation");
    public static final ProcessVariable<LocalDate> TRANSLATION_RECEIVED_ON = ProcessVariable.date("translationReceivedOn")
            .labelled("date the translation arrived");

    // Publication
    public static final ProcessVariable<LocalDate> PUBLISHED_ON = ProcessVariable.date("publishedOn")
            .labelled("date of publication");

    /** Per section: the facts shown beside it, the officer's narrative, a translation of the narrative. */
    private static final Map<ReportSection, ProcessVariable<String>> FACTS = new EnumMap<>(ReportSection.class);
    private static final Map<ReportSection, ProcessVariable<String>> NARRATIVE = new EnumMap<>(ReportSection.class);
    private static final Map<ReportSection, ProcessVariable<String>> TRANSLATION = new EnumMap<>(ReportSection.class);

    static {
        for (ReportSection section : ReportSection.values()) {
            String suffix = camel(section);
            String label = section.name().toLowerCase().replace('_', ' ');
            FACTS.put(section, ProcessVariable.text("facts" + suffix));
            NARRATIVE.put(section, ProcessVariable.text("narrative" + suffix).labelled("narrative of the section " + label));
            TRANSLATION.put(section, ProcessVariable.text("translation" + suffix).labelled("translation of the section " + label));
        }
    }

    public static ProcessVariable<String> facts(ReportSection section) {
        return FACTS.get(section);
    }

    public static ProcessVariable<String> narrative(ReportSection section) {
        return NARRATIVE.get(section);
    }

    public static ProcessVariable<String> translation(ReportSection section) {
        return TRANSLATION.get(section);
    }

    /** Every per-section descriptor (the conventions tests read them). */
    public static List<ProcessVariable<String>> sectionVariables() {
        List<ProcessVariable<String>> all = new java.util.ArrayList<>(FACTS.values());
        all.addAll(NARRATIVE.values());
        all.addAll(TRANSLATION.values());
        return Collections.unmodifiableList(all);
    }

    /** MEAS → "Meas", UN_AGENCIES_IGOS → "UnAgenciesIgos". */
    private static String camel(ReportSection section) {
        StringBuilder out = new StringBuilder();
        for (String word : section.name().toLowerCase().split("_")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static final Logger log = LoggerFactory.getLogger(CopReportProcess.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final MeetingService meetings;
    private final CopReportService reports;
    private final CopReportSettings settings;

    public CopReportProcess(RuntimeService runtime, HistoryService history, MeetingService meetings,
                            CopReportService reports, CopReportSettings settings) {
        this.runtime = runtime;
        this.history = history;
        this.meetings = meetings;
        this.reports = reports;
        this.settings = settings;
    }

    /**
     * Starts the report for a COP; the start listener checks the input and refuses it (400) before
     * anything is written. {@code cutOff} null: the facts are as at the day of approval.
     *
     * @return the business key, e.g. {@code COP13-partnerships}
     */
    public String start(Integer copNumber, LocalDate cutOff, String symbol, String agendaItem) {
        Map<String, Object> variables = new HashMap<>();
        COP_NUMBER.putIn(variables, copNumber);
        CUT_OFF.putIn(variables, cutOff);
        SYMBOL.putIn(variables, symbol == null ? "" : symbol);
        AGENDA_ITEM.putIn(variables, agendaItem == null ? "" : agendaItem);
        try {
            return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute().getBusinessKey();
        } catch (RuntimeException e) {
            // The start listener's refusal, unwrapped from the engine's listener exception: a 400 for REST callers.
            throw org.cms.partnerships.common.InvalidInputException.findIn(e).orElseThrow(() -> e);
        }
    }

    /**
     * The schedule's step: starts the report of every COP of the register that opens within
     * {@code startMonthsBefore} months and has none yet (running or finished), as at the day of approval.
     *
     * @return the business keys started
     */
    public List<String> startDue(LocalDate today) {
        List<String> started = new java.util.ArrayList<>();
        for (Meeting cop : meetings.list(Meeting.Kind.COP)) {
            boolean due = cop.startsOn().isAfter(today) && !cop.startsOn().isAfter(today.plusMonths(settings.startMonthsBefore()));
            String key = CopReport.businessKey(cop.number());
            if (!due || reports.find(key).isPresent()
                    || history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(key).count() > 0) {
                continue;
            }
            started.add(start(cop.number(), null, defaultSymbol(cop.number(), settings.agendaItem()), settings.agendaItem()));
            log.info("Started the report to the {} meeting of the Conference of the Parties ({})", Meeting.ordinal(cop.number()), key);
        }
        return started;
    }

    /** {@code UNEP/CMS/COP13/Doc.23.1}, as the Secretariat numbers COP documents since COP11. */
    public static String defaultSymbol(int copNumber, String agendaItem) {
        return "UNEP/CMS/COP%d/Doc.%s".formatted(copNumber, agendaItem);
    }
}
