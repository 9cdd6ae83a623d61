package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one place that starts and reads the {@code agreement-suspension} process, with its key,
 * element ids and variable names for delegates and tests.
 */
@Component
public class SuspensionProcess {

    public static final String KEY = "agreement-suspension";

    public static final String START = "startEvent_suspensionRequested";
    public static final String TASK_DECIDE = "userTask_decideSuspension";
    public static final String TASK_REINSTATE = "userTask_reinstateAgreement";
    public static final String SUSPEND = "serviceTask_suspendAgreement";
    public static final String REINSTATE = "serviceTask_reinstateAgreement";
    public static final String END_REINSTATED = "endEvent_agreementReinstated";
    public static final String END_DECLINED = "endEvent_suspensionDeclined";

    public static final String GROUNDS = "suspensionGrounds";
    public static final String REASON = "suspensionReason";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String DECISION = "suspensionDecision";
    public static final String DECISION_COMMENT = "suspensionDecisionComment";
    public static final String REINSTATEMENT_REASON = "reinstatementReason";

    /** The Executive Secretary's two answers. */
    public enum Decision { SUSPEND, DECLINE }

    /** Why an agreement is put on hold (DOMAIN.md step 12). */
    public enum Grounds { DISPUTE, PARTNER_REVIEW, OTHER }

    private final RuntimeService runtime;

    public SuspensionProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts a request; the start listener validates it and refuses bad input before anything is saved. */
    public ProcessInstance request(String agreementReference, String grounds, String reason) {
        return runtime.createProcessInstanceByKey(KEY)
                .businessKey(agreementReference)
                .setVariables(Map.of(
                        AGREEMENT_REFERENCE, agreementReference == null ? "" : agreementReference,
                        GROUNDS, grounds == null ? "" : grounds,
                        REASON, reason == null ? "" : reason))
                .execute();
    }
}
