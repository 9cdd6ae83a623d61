package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.springframework.stereotype.Component;

/** "Propose a renewed agreement": the officer chose to renew, so a new agreement superseding this one is proposed and its reference kept. */
@Component("startRenewalProposal")
class StartRenewalProposal implements JavaDelegate {

    private final RenewalService renewals;

    StartRenewalProposal(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FOLLOW_UP_REFERENCE.set(execution, renewals.proposeRenewal(AgreementVariables.REFERENCE.from(execution)));
    }
}
