package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** "Reject the amendment": the Executive Secretary rejected it, so it closes with their comment as the reason. */
@Component("rejectAmendment")
class RejectAmendment implements JavaDelegate {

    private final AmendmentService amendments;
    private final IdentityService identity;

    RejectAmendment(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        amendments.reject(AgreementVariables.REFERENCE.from(execution), NUMBER.from(execution),
                "Rejected by the Executive Secretary: " + DECISION_COMMENT.orNull(execution), Actor.current(identity));
    }
}
