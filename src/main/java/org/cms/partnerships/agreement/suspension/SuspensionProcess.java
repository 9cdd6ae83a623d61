package org.cms.partnerships.agreement.suspension;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * {@code agreement-suspension}: the one place that starts it, with its key, element ids and variables.
 * Business key: the agreement reference; one suspension of an agreement at a time ({@code exclusiveKey}).
 */
@Component
public class SuspensionProcess {

    public static final String KEY = "agreement-suspension";

    public static final String START = "startEvent_suspensionRequested";
    public static final String TASK_DECIDE = "userTask_decideSuspension";
    public static final String SUSPENDED = "throwEvent_agreementSuspended";
    public static final String STOP_WORK_PLANS = "serviceTask_stopJointWorkPlans";
    public static final String TASK_REINSTATE = "userTask_reinstateAgreement";
    public static final String END_REINSTATED = "endEvent_agreementReinstated";
    public static final String END_DECLINED = "endEvent_suspensionDeclined";

    /** The Executive Secretary's two answers. */
    public enum Decision { SUSPEND, DECLINE }

    /** Why an agreement is put on hold (DOMAIN.md step 12). */
    public enum Grounds { DISPUTE, PARTNER_REVIEW, OTHER }

    public static final ProcessVariable<Grounds> GROUNDS = ProcessVariable.choice("suspensionGrounds", Grounds.class)
            .labelled("grounds");
    public static final ProcessVariable<String> REASON = ProcessVariable.text("suspensionReason")
            .labelled("reason for the suspension");
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.text("requestedBy");
    /** The Executive Secretary's decision and comment (quoted in the status history). */
    public static final ProcessVariable<Decision> EXECUTIVE_DECISION = ProcessVariable.choice("suspensionDecision", Decision.class)
            .labelled("decision");
    public static final ProcessVariable<String> EXECUTIVE_COMMENT = ProcessVariable.text("suspensionDecisionComment")
            .labelled("comment on the decision");
    public static final ProcessVariable<String> REINSTATEMENT_REASON = ProcessVariable.text("reinstatementReason")
            .labelled("reason for the reinstatement");


    private final RuntimeService runtime;

    public SuspensionProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts a request; the start listener checks it and refuses bad input before anything is saved.
     *
     * @return the business key of the suspension (the agreement reference as the register writes it)
     */
    public String requestSuspension(String agreementReference, String grounds, String reason) {
        return start(agreementReference, grounds, reason).getBusinessKey();
    }


    private ProcessInstance start(String agreementReference, String grounds, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AgreementVariables.REFERENCE.name(), agreementReference == null ? "" : agreementReference);
        variables.put(GROUNDS.name(), grounds == null ? "" : grounds);
        variables.put(REASON.name(), reason == null ? "" : reason);
        return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute();
    }
}
