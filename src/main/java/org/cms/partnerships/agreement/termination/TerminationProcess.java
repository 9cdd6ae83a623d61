package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@code agreement-termination}: the one place that starts it, with its key, ids and variables.
 * Business key {@code {reference}/termination}.
 */
@Component
public class TerminationProcess {

    public static final String KEY = "agreement-termination";

    public static final String START = "startEvent_terminationProposed";
    public static final String TASK_DECIDE = "userTask_decideTermination";
    public static final String TERMINATE = "serviceTask_terminateAgreement";
    public static final String NOTIFY = "serviceTask_tellPartiesOfTermination";
    public static final String END_TERMINATED = "endEvent_agreementTerminated";
    public static final String END_DECLINED = "endEvent_terminationDeclined";

    public static final String GROUNDS = "terminationGrounds";
    public static final String REASON = "terminationReason";
    public static final String EFFECTIVE_ON = "terminationEffectiveOn";
    public static final String DECISION = "terminationDecision";
    public static final String DECISION_COMMENT = "terminationDecisionComment";
    public static final String ENDED_PROCESSES = "endedProcesses";
    public static final String STOPPED_PLANS = "stoppedWorkPlans";

    public enum Grounds { PARTNER_CEASED_OPERATIONS, MUTUAL_CONSENT, NOTICE_BY_CMS, NOTICE_BY_PARTNER, OTHER }

    public enum Decision { TERMINATE, DECLINE }

    private final RuntimeService runtime;

    public TerminationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public ProcessInstance propose(String reference, String grounds, String reason, String effectiveOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AGREEMENT_REFERENCE, reference == null ? "" : reference);
        variables.put(GROUNDS, grounds == null ? "" : grounds);
        variables.put(REASON, reason == null ? "" : reason);
        variables.put(EFFECTIVE_ON, effectiveOn == null ? "" : effectiveOn);
        return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute();
    }
}
