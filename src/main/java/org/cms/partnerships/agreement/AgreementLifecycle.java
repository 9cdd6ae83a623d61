package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.StatusChange;
import org.springframework.stereotype.Component;

/**
 * The one place that drives {@code partnership-agreement} from outside Tasklist: starting a proposal
 * (business key = agreement reference), bringing an agreement recorded at an intermediate stage under
 * process control, withdrawing it, and delivering the partner's decision. It answers with agreement
 * references; the process checks the input as Tasklist's forms would.
 */
@Component
public class AgreementLifecycle {

    /** Proposal fields a caller may send; anything else is ignored. */
    static final List<ProcessVariable<?>> PROPOSAL_FIELDS = List.of(PARTNER_CHOICE, AgreementVariables.ACRONYM,
            NEW_PARTNER_NAME, NEW_PARTNER_CATEGORY, NEW_PARTNER_HEADQUARTERS, NEW_PARTNER_WEBSITE, FOCAL_POINT_NAME,
            FOCAL_POINT_EMAIL, FOCAL_POINT_LANGUAGE, INSTRUMENT_TYPE, AgreementVariables.TITLE, SCOPE_SPECIES,
            SCOPE_THEMES, SCOPE_REGIONS, FAMILY_INSTRUMENTS, TERM_START, TERM_END, SUPERSEDES);

    /**
     * Where an agreement recorded in an intermediate status waits in {@code partnership-agreement}: the
     * stage that declares that status (the partner's approval: its task, so the request already sent
     * is not sent again). IN_CONSULTATION and AWAITING_ENDORSEMENT are not here: the consultation needs
     * its deadline and secretariats, the endorsement its meeting: such a record goes back to DRAFTING first.
     */
    static final Map<AgreementStatus, String> STAGES = stages();

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final ProcessEngineConfiguration configuration;
    private final AgreementService agreements;
    private final DecisionService decisions;
    private final AgreementSettings settings;

    public AgreementLifecycle(RuntimeService runtime, HistoryService history, TaskService tasks, ProcessEngineConfiguration configuration,
                              AgreementService agreements, DecisionService decisions, AgreementSettings settings) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.configuration = configuration;
        this.agreements = agreements;
        this.decisions = decisions;
        this.settings = settings;
    }

    private static Map<AgreementStatus, String> stages() {
        Map<AgreementStatus, String> stages = new EnumMap<>(AgreementStatus.class);
        stages.put(AgreementStatus.IN_DUE_DILIGENCE, TASK_DUE_DILIGENCE);
        stages.put(AgreementStatus.DRAFTING, TASK_DRAFT);
        stages.put(AgreementStatus.IN_LEGAL_REVIEW, TASK_LEGAL_REVIEW);
        stages.put(AgreementStatus.AWAITING_CLEARANCE, TASK_CLEARANCE);
        stages.put(AgreementStatus.AWAITING_PARTNER_APPROVAL, TASK_PARTNER_DECISION);
        stages.put(AgreementStatus.AWAITING_SIGNATURE, TASK_SIGNATURE);
        return java.util.Collections.unmodifiableMap(stages);
    }

    /** The statuses {@link #resumeAt} takes over: an agreement in one of them is waiting at a stage. */
    public static java.util.Set<AgreementStatus> resumableStatuses() {
        return STAGES.keySet();
    }

    /** Whether a {@code partnership-agreement} process runs for this agreement. */
    public boolean isUnderProcessControl(String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(reference)
                .count() > 0;
    }

    /**
     * Whether a {@code partnership-agreement} process ever ran for this agreement, running, ended or
     * cancelled (the engine's history): a record that had one is no historic record to take over, and one
     * whose process someone cancelled stays as they left it.
     */
    public boolean hadAProcess(String reference) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(reference).count() > 0;
    }

    /**
     * Brings an agreement recorded in an intermediate status (a historic record, an imported register)
     * under process control: starts {@code partnership-agreement} right at the stage of its status, with
     * the variables a proposal would have set. Entering the stage records nothing (the agreement is
     * already there). While the partner's approval is pending, reminders are counted from the real date
     * of the last status change: the next one falls on the next anniversary of the reminder interval
     * after now, none of the past ones is sent; once as many reminder dates as
     * {@code remindersBeforeAlert} have passed, the Executive Secretary is alerted once, now, and is not
     * alerted again. 409 when the status has no stage or a process already runs for it.
     *
     * @return the agreement's reference
     */
    public String resumeAt(String reference) {
        Agreement agreement = agreements.get(reference);
        String stage = STAGES.get(agreement.status());
        if (stage == null) {
            throw new ConflictException("%s is %s: only an agreement waiting at one of the stages %s can be brought under process control"
                    .formatted(reference, agreement.status(), STAGES.keySet()));
        }
        if (isUnderProcessControl(agreement.reference())) {
            throw new ConflictException("%s is already under process control".formatted(agreement.reference()));
        }
        String supersedes = agreement.supersedes();
        List<String> family = agreement.familyInstruments() == null || agreement.familyInstruments().isBlank() ? List.of()
                : List.of(agreement.familyInstruments().split("\\s*,\\s*"));
        Map<String, Object> route = decisions.evaluateDecisionByKey(DECISION_ROUTE)
                .variables(ProcessValues.of(PARTNER_CATEGORY, agreement.partnerCategory())
                        .and(INSTRUMENT_TYPE, agreement.instrumentType()).and(SUPERSEDES_FLAG, supersedes != null).asMap())
                .evaluate().getSingleResult().getEntryMap();
        ProcessValues variables = ProcessValues.of(AgreementVariables.REFERENCE, agreement.reference())
                .and(AgreementVariables.ACRONYM, agreement.partnerAcronym())
                .and(AgreementVariables.PARTNER, agreement.partnerName())
                .and(AgreementVariables.TITLE, agreement.title())
                .and(PARTNER_CATEGORY, agreement.partnerCategory())
                .and(INSTRUMENT_TYPE, agreement.instrumentType())
                .and(SUPERSEDES, supersedes)
                .and(SUPERSEDES_FLAG, supersedes != null)
                .and(FAMILY_INSTRUMENT_LIST, family)
                .and(DRAFT_URL, agreement.draftUrl())
                .and(DRAFT_VERSION, agreement.draftVersion())
                .and(TERMS_SUMMARY, agreement.termsSummary())
                .and(PROPOSED_BY, agreement.proposedBy())
                .and(ROUTE, route)
                .and(CONSULT_FAMILY, Boolean.TRUE.equals(route.get(ROUTE_FAMILY_CONSULTATION)) && !family.isEmpty())
                .and(REMINDERS_BEFORE_ALERT, settings.remindersBeforeAlert())
                .and(RETURN_TO_ENDORSEMENT, false)
                .and(REVISION_REASON, null);
        // Kept as text ("AEWA, EUROBATS") like a proposal does; reads back as a list.
        variables.raw(FAMILY_INSTRUMENTS, String.join(", ", family));
        boolean alert = false;
        if (agreement.status() == AgreementStatus.AWAITING_PARTNER_APPROVAL) {
            Instant since = lastStatusChange(agreement.reference());
            int past = reminderDatesPassed(since);
            variables.and(PARTNER_REMINDER_CYCLE, "R/%s/%s".formatted(since, settings.partnerReminderInterval()))
                    .and(PARTNER_REMINDERS_SENT, past)
                    .and(PARTNER_SILENT_SINCE, since.atZone(RegisterClock.SECRETARIAT_ZONE).toLocalDate())
                    .and(PARTNER_REMINDER_DATES_BEFORE_PROCESS, past);
            alert = past >= settings.remindersBeforeAlert();
        } else {
            variables.and(PARTNER_REMINDER_CYCLE, "R/" + settings.partnerReminderInterval()).and(PARTNER_REMINDERS_SENT, 0);
        }
        // Variables before the first instruction: the process's own, set before any stage begins
        // (after an instruction they would be that instruction's only).
        ProcessInstantiationBuilder start = runtime.createProcessInstanceByKey(KEY).businessKey(agreement.reference())
                .setVariables(variables.asMap()).startBeforeActivity(stage);
        if (alert) {
            start.startBeforeActivity(ALERT_EXECUTIVE_SECRETARY);
        }
        start.execute();
        return agreement.reference();
    }

    private Instant lastStatusChange(String reference) {
        List<StatusChange> history = agreements.history(reference);
        Instant at = history.isEmpty() ? ClockUtil.getCurrentTime().toInstant() : history.get(history.size() - 1).changedAt();
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * How many reminder dates (every {@code partnerReminderInterval} after {@code since}) have passed,
     * counted up to {@code remindersBeforeAlert}: the reminder count the process goes on from.
     */
    private int reminderDatesPassed(Instant since) {
        Duration interval;
        try {
            interval = DatatypeFactory.newInstance().newDuration(settings.partnerReminderInterval());
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Calendar due = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        due.setTime(Date.from(since));
        Date now = ClockUtil.getCurrentTime();
        int passed = 0;
        while (passed < settings.remindersBeforeAlert()) {
            interval.addTo(due);
            if (due.getTime().after(now)) {
                break;
            }
            passed++;
        }
        return passed;
    }

    /**
     * Starts a proposal (field names as in {@link #PROPOSAL_FIELDS}); the process validates it and
     * refuses bad input before anything is saved. Returns the new agreement's reference.
     */
    public String propose(Map<String, ?> proposal) {
        Map<String, Object> variables = new HashMap<>();
        PROPOSAL_FIELDS.forEach(field -> {
            Object value = proposal.get(field.name());
            if (value != null) {
                variables.put(field.name(), value instanceof List<?> list ? new ArrayList<>(list) : value);
            }
        });
        ProcessInstance started = runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute();
        return started.getBusinessKey() != null ? started.getBusinessKey()
                : AgreementVariables.REFERENCE.from(runtime.getVariables(started.getId()));
    }

    /** Withdraws a proposal at any point before signature; 409 once signed or when no proposal runs. */
    public void withdraw(String reference, String reason) {
        Agreement agreement = agreements.get(reference);
        FormInput in = FormInput.of(WITHDRAWAL_REASON.putIn(new HashMap<>(), reason));
        String why = in.text(WITHDRAWAL_REASON, 10);
        in.throwIfInvalid();
        if (!agreement.status().inPreparation()) {
            throw new ConflictException("%s is %s: only a proposal not yet signed can be withdrawn"
                    .formatted(reference, agreement.status()));
        }
        try {
            runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(reference)
                    .setVariables(WITHDRAWAL_REASON.putIn(new HashMap<>(), why)).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("%s has no proposal process under way".formatted(reference));
        }
    }

    /**
     * The partner's decision, e.g. from the partner's own system or a mail gateway: APPROVED or
     * DECLINED (with why), optionally its date. Completes the open "Record the partner's decision"
     * as the system (the caller need not be a Tasklist user), with the same checks as its form;
     * 409 when the agreement is not waiting for the partner.
     */
    public void partnerDecided(String reference, String decision, String reason, String date) {
        agreements.get(reference);
        Map<String, Object> form = new HashMap<>();
        form.put(PARTNER_DECISION.name(), decision);
        form.put(PARTNER_DECISION_REASON.name(), reason);
        form.put(PARTNER_DECISION_DATE.name(), date);
        FormInput in = FormInput.of(form);
        PartnerDecision value = in.required(PARTNER_DECISION);
        in.check(value != PartnerDecision.WITHDRAWN, "The decision must be APPROVED or DECLINED");
        in.check(value != PartnerDecision.DECLINED || in.optionalText(PARTNER_DECISION_REASON).length() >= 10,
                "Say why the partner declined (at least 10 characters)");
        in.throwIfInvalid();
        Task open = tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(reference)
                .taskDefinitionKey(TASK_PARTNER_DECISION).singleResult();
        if (open == null) {
            throw new ConflictException("%s is not awaiting the partner's approval".formatted(reference));
        }
        try {
            ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                return new CompleteTaskCmd(open.getId(), form).execute(context);
            });
        } catch (RuntimeException e) {
            throw InvalidInputException.findIn(e).orElseThrow(() -> e);
        }
    }
}
