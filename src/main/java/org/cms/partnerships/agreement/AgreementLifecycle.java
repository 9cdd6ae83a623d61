package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * The one place that drives {@code partnership-agreement} from outside Tasklist: starting a proposal
 * (business key = agreement reference), withdrawing it, and delivering the partner's decision.
 */
@Component
public class AgreementLifecycle {

    /** Proposal fields a caller may send; anything else is ignored. */
    static final List<String> PROPOSAL_FIELDS = List.of(PARTNER_CHOICE, PARTNER_ACRONYM, NEW_PARTNER_NAME,
            NEW_PARTNER_CATEGORY, NEW_PARTNER_HEADQUARTERS, NEW_PARTNER_WEBSITE, FOCAL_POINT_NAME, FOCAL_POINT_EMAIL,
            FOCAL_POINT_LANGUAGE, INSTRUMENT_TYPE, TITLE, SCOPE_SPECIES, SCOPE_THEMES, SCOPE_REGIONS, FAMILY_INSTRUMENTS,
            TERM_START, TERM_END, SUPERSEDES);

    private final RuntimeService runtime;
    private final AgreementService agreements;

    public AgreementLifecycle(RuntimeService runtime, AgreementService agreements) {
        this.runtime = runtime;
        this.agreements = agreements;
    }

    /** Starts a proposal; the process validates it and refuses bad input before anything is saved. */
    public ProcessInstance propose(Map<String, Object> proposal) {
        Map<String, Object> variables = new HashMap<>();
        PROPOSAL_FIELDS.forEach(field -> {
            Object value = proposal.get(field);
            if (value != null) {
                variables.put(field, value instanceof List<?> list ? new ArrayList<>(list) : value);
            }
        });
        return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute();
    }

    /** Withdraws a proposal at any point before signature. */
    public void withdraw(String reference, String reason) {
        Agreement agreement = agreements.get(reference);
        List<String> problems = new ArrayList<>();
        String why = FormValues.requiredText(reason, "reason for withdrawing", 10, problems);
        InvalidInputException.throwIfAny(problems);
        if (!AgreementStatus.IN_PREPARATION.contains(agreement.status())) {
            throw new ConflictException("%s is %s: only a proposal not yet signed can be withdrawn"
                    .formatted(reference, agreement.status()));
        }
        correlate(MESSAGE_WITHDRAWN, reference, Map.of(WITHDRAWAL_REASON, why),
                "%s has no proposal process under way".formatted(reference));
    }

    /** The partner's decision, e.g. from the partner's own system or a mail gateway. */
    public void partnerDecided(String reference, String decision, String reason, String date) {
        agreements.get(reference);
        List<String> problems = new ArrayList<>();
        String value = FormValues.text(decision);
        if (!value.equals("APPROVED") && !value.equals("DECLINED")) {
            problems.add("The decision must be APPROVED or DECLINED");
        }
        if (value.equals("DECLINED") && FormValues.text(reason).length() < 10) {
            problems.add("Say why the partner declined (at least 10 characters)");
        }
        InvalidInputException.throwIfAny(problems);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PARTNER_DECISION, value);
        variables.put(PARTNER_DECISION_REASON, FormValues.text(reason));
        variables.put(PARTNER_DECISION_DATE, FormValues.text(date));
        correlate(MESSAGE_PARTNER_DECISION, reference, variables,
                "%s is not awaiting the partner's approval".formatted(reference));
    }

    private void correlate(String message, String reference, Map<String, Object> variables, String notWaiting) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(reference)
                    .setVariables(variables).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(notWaiting);
        }
    }
}
