package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** "Close as not endorsed": the Standing Committee did not endorse it, so it closes as rejected with the committee's decision as the reason. */
@Component("closeAmendmentNotEndorsed")
class CloseAmendmentNotEndorsed implements JavaDelegate {

    private final AmendmentService amendments;
    private final IdentityService identity;

    CloseAmendmentNotEndorsed(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        amendments.reject(AgreementVariables.REFERENCE.from(execution), NUMBER.from(execution),
                "Not endorsed by the Standing Committee: " + EndorsementProcess.ENDORSEMENT_DECISION_TEXT.orNull(execution),
                Actor.current(identity));
    }
}
