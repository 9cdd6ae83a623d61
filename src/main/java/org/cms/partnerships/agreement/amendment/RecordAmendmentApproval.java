package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Approve the amendment": the Executive Secretary's decision goes into the amendment's history; a rejection needs a reason. */
@Component("recordAmendmentApproval")
class RecordAmendmentApproval implements TaskListener {

    private final AmendmentService amendments;
    private final IdentityService identity;

    RecordAmendmentApproval(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Decision decision = in.required(DECISION);
        String comment = in.optionalText(DECISION_COMMENT);
        in.check(decision != Decision.REJECTED || comment.length() >= 10, "Say why (at least 10 characters)");
        in.throwIfInvalid();
        amendments.recordStep(AgreementVariables.REFERENCE.from(task), NUMBER.from(task), "EXECUTIVE_SECRETARY: " + decision,
                Actor.current(identity), comment);
    }
}
