package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** "Adopt, amend the record": the approved amendment changes the agreement's record and closes as adopted. */
@Component("adoptAmendment")
class AdoptAmendment implements JavaDelegate {

    private final AmendmentService amendments;
    private final IdentityService identity;

    AdoptAmendment(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        amendments.adopt(AgreementVariables.REFERENCE.from(execution), NUMBER.from(execution), DESCRIPTION.from(execution),
                Actor.current(identity));
    }
}
