package org.cms.partnerships.agreement.amendment;

import java.time.LocalDate;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementProcess.LegalDecision;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * {@code agreement-amendment}: the one place that starts it, with its key, ids and variables.
 * Business key {@code {reference}/A{N}}; one open amendment of an agreement at a time (a database rule
 * on the amendment register, see {@link AmendmentService#open}).
 */
@Component
public class AmendmentProcess {

    public static final String KEY = "agreement-amendment";
    public static final String ROUTE = "amendment-route";

    public static final String START = "startEvent_amendmentProposed";
    public static final String DECIDE_ROUTE = "businessRuleTask_decideAmendmentRoute";
    public static final String TASK_LEGAL_REVIEW = "userTask_legalReviewOfAmendment";
    public static final String TASK_REVISE = "userTask_reviseAmendment";
    public static final String TASK_APPROVE = "userTask_approveAmendment";
    public static final String ENDORSEMENT = "callActivity_endorseAmendment";
    public static final String ADOPT = "serviceTask_adoptAmendment";
    public static final String REJECT = "serviceTask_rejectAmendment";
    public static final String CLOSE_NOT_ENDORSED = "serviceTask_closeAmendmentNotEndorsed";
    public static final String END_ADOPTED = "endEvent_amendmentAdopted";
    public static final String END_REJECTED = "endEvent_amendmentRejected";
    public static final String END_NOT_ENDORSED = "endEvent_amendmentNotEndorsed";

    /** The legal officers' answer. */

    /** The Executive Secretary's answer. */
    public enum Decision { APPROVED, REJECTED }

    public static final ProcessVariable<Amendment.Type> TYPE = ProcessVariable.choice("amendmentType", Amendment.Type.class)
            .labelled("amendment type");
    public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.text("amendmentDescription")
            .labelled("description of the amendment");
    public static final ProcessVariable<String> NEW_SCOPE = ProcessVariable.text("newScope").labelled("new scope");
    public static final ProcessVariable<LocalDate> NEW_EXPIRES_ON = ProcessVariable.date("newExpiresOn")
            .labelled("new end of the term");
    public static final ProcessVariable<Integer> NUMBER = ProcessVariable.integer("amendmentNumber");
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.text("amendmentReference");
    public static final ProcessVariable<String> PROPOSED_BY = AgreementProcess.PROPOSED_BY;
    /** Input of the decision table {@code amendment-route}. */
    public static final ProcessVariable<org.cms.partnerships.register.PartnerCategory> PARTNER_CATEGORY = AgreementProcess.PARTNER_CATEGORY;
    public static final ProcessVariable<LegalDecision> LEGAL_DECISION = AgreementProcess.LEGAL_DECISION;
    public static final ProcessVariable<String> LEGAL_COMMENTS = AgreementProcess.LEGAL_COMMENTS;
    public static final ProcessVariable<Decision> DECISION = ProcessVariable.choice("amendmentDecision", Decision.class)
            .labelled("decision");
    public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.text("amendmentDecisionComment")
            .labelled("comment on the decision");
    /** The approvals the amendment needs, from {@link #ROUTE}: legalReview, executiveSecretary, standingCommittee. */
    public static final ProcessVariable<Map<String, Object>> ROUTE_RESULT = ProcessVariable.object("amendmentRoute", Map.class);

    private final RuntimeService runtime;

    public AmendmentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Proposes an amendment; the start listener refuses bad input (400), the register a second open
     * amendment of the agreement (409).
     *
     * @return the amendment's reference, {@code {reference}/A{N}}, also the business key
     */
    public String propose(String agreementReference, String type, String description, String newScope,
                          String newExpiresOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AgreementVariables.REFERENCE.name(), agreementReference == null ? "" : agreementReference);
        variables.put(TYPE.name(), type == null ? "" : type);
        variables.put(DESCRIPTION.name(), description == null ? "" : description);
        variables.put(NEW_SCOPE.name(), newScope == null ? "" : newScope);
        variables.put(NEW_EXPIRES_ON.name(), newExpiresOn == null ? "" : newExpiresOn);
        return runtime.createProcessInstanceByKey(KEY).setVariables(variables).execute().getBusinessKey();
    }
}
