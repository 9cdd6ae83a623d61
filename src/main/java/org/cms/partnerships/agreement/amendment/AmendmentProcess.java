package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** {@code agreement-amendment}: the one place that starts it, with its key, ids and variables. */
@Component
public class AmendmentProcess {

    public static final String KEY = "agreement-amendment";
    public static final String ROUTE = "amendment-route";

    public static final String TASK_LEGAL_REVIEW = "userTask_legalReviewOfAmendment";
    public static final String TASK_REVISE = "userTask_reviseAmendment";
    public static final String TASK_APPROVE = "userTask_approveAmendment";
    public static final String ENDORSEMENT = "callActivity_endorseAmendment";
    public static final String ADOPT = "serviceTask_adoptAmendment";
    public static final String REJECT = "serviceTask_rejectAmendment";
    public static final String END_ADOPTED = "endEvent_amendmentAdopted";
    public static final String END_REJECTED = "endEvent_amendmentRejected";

    public static final String TYPE = "amendmentType";
    public static final String DESCRIPTION = "amendmentDescription";
    public static final String NEW_SCOPE = "newScope";
    public static final String NEW_EXPIRES_ON = "newExpiresOn";
    public static final String NUMBER = "amendmentNumber";
    public static final String REFERENCE = "amendmentReference";
    public static final String LEGAL_DECISION = "legalDecision";
    public static final String LEGAL_COMMENTS = "legalComments";
    public static final String DECISION = "amendmentDecision"; // APPROVE or REJECT
    public static final String DECISION_COMMENT = "amendmentDecisionComment";

    private final RuntimeService runtime;

    public AmendmentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public ProcessInstance propose(String agreementReference, String type, String description, String newScope,
                                   String newExpiresOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AGREEMENT_REFERENCE, agreementReference == null ? "" : agreementReference);
        variables.put(TYPE, type == null ? "" : type);
        variables.put(DESCRIPTION, description == null ? "" : description);
        variables.put(NEW_SCOPE, newScope == null ? "" : newScope);
        variables.put(NEW_EXPIRES_ON, newExpiresOn == null ? "" : newExpiresOn);
        return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute();
    }
}
