package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * The one place that drives {@code partnership-agreement} from outside Tasklist: starting a proposal
 * (business key = agreement reference), withdrawing it, and delivering the partner's decision. It
 * answers with agreement references; the process checks the input as Tasklist's forms would.
 */
@Component
public class AgreementLifecycle {

    /** Proposal fields a caller may send; anything else is ignored. */
    static final List<ProcessVariable<?>> PROPOSAL_FIELDS = List.of(PARTNER_CHOICE, AgreementVariables.ACRONYM,
            NEW_PARTNER_NAME, NEW_PARTNER_CATEGORY, NEW_PARTNER_HEADQUARTERS, NEW_PARTNER_WEBSITE, FOCAL_POINT_NAME,
            FOCAL_POINT_EMAIL, FOCAL_POINT_LANGUAGE, INSTRUMENT_TYPE, AgreementVariables.TITLE, SCOPE_SPECIES,
            SCOPE_THEMES, SCOPE_REGIONS, FAMILY_INSTRUMENTS, TERM_START, TERM_END, SUPERSEDES);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessEngineConfiguration configuration;
    private final AgreementService agreements;

    public AgreementLifecycle(RuntimeService runtime, TaskService tasks, ProcessEngineConfiguration configuration,
                              AgreementService agreements) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.configuration = configuration;
        this.agreements = agreements;
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
