package org.cms.partnerships.workplan;

import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.notification.NotificationVariables;
import org.cms.partnerships.register.PartnerService;
import org.springframework.stereotype.Component;

/**
 * The one place that drives {@code joint-work-plan} from outside Tasklist: starts a plan's lifecycle,
 * brings a plan recorded at a later stage under process control, stops it (message
 * {@link WorkPlanProcess#MESSAGE_STOPPED}) or cancels it. Answers with plan references, never engine objects.
 */
@Component
public class WorkPlanLifecycle {

    /**
     * Where a plan recorded in an intermediate status waits in {@code joint-work-plan}: the stage that
     * declares that status. IN_CONSULTATION is not here: the register holds no comment deadline for the
     * consultation's timer (as for an agreement in consultation, such a record goes back to DRAFT first);
     * a DRAFT starts its lifecycle from the officer's start form ({@link #startFor}).
     */
    static final Map<WorkPlanStatus, String> STAGES = java.util.Collections.unmodifiableMap(new EnumMap<>(Map.of(
            WorkPlanStatus.AWAITING_ENDORSEMENT, ENDORSEMENT,
            WorkPlanStatus.IN_IMPLEMENTATION, IMPLEMENTATION)));

    private final RuntimeService runtime;
    private final HistoryService history;
    private final WorkPlanService workPlans;
    private final WorkPlanSchedule schedule;
    private final PartnerService partners;
    private final IdentityService identity;

    WorkPlanLifecycle(RuntimeService runtime, HistoryService history, WorkPlanService workPlans, WorkPlanSchedule schedule,
                      PartnerService partners, IdentityService identity) {
        this.identity = identity;
        this.runtime = runtime;
        this.history = history;
        this.workPlans = workPlans;
        this.schedule = schedule;
        this.partners = partners;
    }

    /** The statuses {@link #resumeAt} takes over. */
    public static Set<WorkPlanStatus> resumableStatuses() {
        return STAGES.keySet();
    }

    /** Whether a {@code joint-work-plan} process ever ran for this plan (running, ended or cancelled). */
    public boolean hadAProcess(String planReference) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(planReference).count() > 0;
    }

    /**
     * Brings a plan recorded in an intermediate status (a historic record, an imported register) under
     * process control: starts {@code joint-work-plan} right before the stage of its status, with the
     * variables its start would have set. Entering the stage records nothing (the plan is already there).
     * Implementation gets its timers as when it begins ({@link WorkPlanSchedule}): a coordination meeting
     * each year left in the period, the extension decision before the period ends, and for a plan whose
     * period has passed one year and one meeting first. 409 when the status has no stage or a process runs.
     *
     * @return the plan's reference
     */
    public String resumeAt(String planReference) {
        WorkPlan plan = workPlans.get(planReference);
        String stage = STAGES.get(plan.status());
        if (stage == null) {
            throw new ConflictException("%s is %s: only a plan waiting at one of the stages %s can be brought under process control"
                    .formatted(plan.reference(), plan.status(), STAGES.keySet()));
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(plan.reference()).count() > 0) {
            throw new ConflictException("%s is already under process control".formatted(plan.reference()));
        }
        ProcessValues variables = ProcessValues.of(REFERENCE, plan.reference())
                .and(AgreementVariables.REFERENCE, plan.agreementReference())
                .and(NotificationVariables.PARTNER_ACRONYM, plan.partnerAcronym())
                .and(PARTNER_NAME, partners.getByAcronym(plan.partnerAcronym()).name())
                .and(PLAN_TITLE, plan.title())
                .and(FIRST_YEAR, plan.periodStartYear())
                .and(LAST_YEAR, plan.periodEndYear())
                .and(PREDECESSOR, plan.predecessorReference())
                .and(HAS_PREDECESSOR, plan.predecessorReference() != null)
                .and(ACTIVITIES_TEXT, workPlans.activitiesText(plan.reference()));
        if (plan.status() == WorkPlanStatus.IN_IMPLEMENTATION) {
            // What scheduleImplementation sets on the way into the stage, which this start skips.
            WorkPlanSchedule.Dates dates = schedule.of(plan.reference());
            variables.and(MEETING_CYCLE, dates.meetingCycle()).and(EXTENSION_DECISION_AT, dates.extensionDecisionAt());
        }
        // Variables before the instruction: the process's own (after it they would be the instruction's only).
        runtime.createProcessInstanceByKey(KEY).businessKey(plan.reference()).setVariables(variables.asMap())
                .startBeforeActivity(stage).execute();
        return plan.reference();
    }

    /**
     * The successor takes over: the predecessor's unfinished activities come across, it is CLOSED, and
     * its own lifecycle, if one runs (a plan brought under process control, or run through it), ends with it.
     *
     * @return the codes carried over
     */
    public List<String> handOver(String successor, String predecessor, String dropLines, String by) {
        List<String> carried = workPlans.carryOver(successor, predecessor, dropLines, by);
        // The plan's own rule, not the officer's act: officers may not delete process instances.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            cancel(predecessor, "Succeeded by " + successor);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        return carried;
    }

    /** Starts the lifecycle of a plan drafted in the register; returns its reference (the business key). */
    public String startFor(String draftReference) {
        Map<String, Object> start = new HashMap<>();
        REFERENCE.putIn(start, draftReference);
        return runtime.startProcessInstanceByKey(KEY, start).getBusinessKey();
    }

    /** Proposes a new plan and starts its lifecycle; returns the new plan's reference. */
    public String propose(WorkPlanProposals.Proposal proposal) {
        Map<String, Object> start = new HashMap<>();
        AgreementVariables.REFERENCE.putIn(start, proposal.agreementReference());
        PLAN_TITLE.putIn(start, proposal.title());
        FIRST_YEAR.putIn(start, proposal.periodStartYear());
        LAST_YEAR.putIn(start, proposal.periodEndYear());
        THEME_LINES.putIn(start, proposal.themes());
        PREDECESSOR.putIn(start, proposal.predecessorReference());
        return runtime.startProcessInstanceByKey(KEY, start).getBusinessKey();
    }

    /**
     * Stops the plan's implementation through its process, which records why.
     *
     * @return whether a lifecycle in implementation received it
     */
    public boolean stopImplementation(String planReference, String reason) {
        Map<String, Object> variables = new HashMap<>();
        STOP_REASON.putIn(variables, reason);
        return !runtime.createMessageCorrelation(MESSAGE_STOPPED).processInstanceBusinessKey(planReference)
                .setVariables(variables).correlateAllWithResult().isEmpty();
    }

    /** Ends the plan's lifecycle wherever it is (its agreement was terminated before implementation). */
    public void cancel(String planReference, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(planReference).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason, true, true));
    }
}
