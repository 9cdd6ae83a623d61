package org.cms.partnerships.agreement.termination;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * {@code agreement-termination}: the one place that starts it, with its key, ids and variables.
 * Business key {@code {reference}/termination}; one termination of an agreement at a time
 * ({@code exclusiveKey}).
 */
@Component
public class TerminationProcess {

    public static final String KEY = "agreement-termination";

    public static final String START = "startEvent_terminationProposed";
    public static final String TASK_DECIDE = "userTask_decideTermination";
    public static final String TERMINATED = "throwEvent_agreementTerminated";
    public static final String TERMINATE = "serviceTask_endWhatFollowsTheAgreement";
    public static final String NOTIFY = "serviceTask_tellPartiesOfTermination";
    public static final String END_TERMINATED = "endEvent_agreementTerminated";
    public static final String END_DECLINED = "endEvent_terminationDeclined";

    /** The processes that follow an agreement in force; a termination ends them. */
    public static final List<String> FOLLOWING_PROCESSES = List.of("agreement-annual-review", "agreement-renewal",
            "agreement-amendment", "agreement-suspension");

    public enum Grounds { PARTNER_CEASED_OPERATIONS, MUTUAL_CONSENT, NOTICE_BY_CMS, NOTICE_BY_PARTNER, OTHER }

    /** The Executive Secretary's two answers. */
    public enum Decision { TERMINATE, DECLINE }

    public static final ProcessVariable<Grounds> GROUNDS = ProcessVariable.choice("terminationGrounds", Grounds.class)
            .labelled("grounds");
    public static final ProcessVariable<String> REASON = ProcessVariable.text("terminationReason")
            .labelled("reason for the termination");
    public static final ProcessVariable<LocalDate> EFFECTIVE_ON = ProcessVariable.date("terminationEffectiveOn")
            .labelled("date the termination takes effect");
    public static final ProcessVariable<Decision> DECISION = ProcessVariable.choice("terminationDecision", Decision.class)
            .labelled("decision");
    public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.text("terminationDecisionComment")
            .labelled("comment on the decision");
    /** What the termination ended, for Cockpit: business keys of processes, references of work plans. */
    public static final ProcessVariable<String> ENDED_PROCESSES = ProcessVariable.text("endedProcesses");
    public static final ProcessVariable<String> STOPPED_PLANS = ProcessVariable.text("stoppedWorkPlans");

    private final RuntimeService runtime;

    public TerminationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Proposes the termination; the start listener refuses bad input, the database a second one under way.
     *
     * @return the business key, {@code {reference}/termination}
     */
    public String propose(String reference, String grounds, String reason, String effectiveOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AgreementVariables.REFERENCE.name(), reference == null ? "" : reference);
        variables.put(GROUNDS.name(), grounds == null ? "" : grounds);
        variables.put(REASON.name(), reason == null ? "" : reason);
        variables.put(EFFECTIVE_ON.name(), effectiveOn == null ? "" : effectiveOn);
        return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute().getBusinessKey();
    }

    public static String businessKey(String reference) {
        return reference + "/termination";
    }
}
