package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.NEW_EXPIRES_ON;
import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.agreement.AgreementVariables;
import org.springframework.stereotype.Component;

/** "Propose an extension": the officer chose to extend, so an extension-of-term amendment is proposed and its reference kept. */
@Component("startExtensionAmendment")
class StartExtensionAmendment implements JavaDelegate {

    private final RenewalService renewals;

    StartExtensionAmendment(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FOLLOW_UP_REFERENCE.set(execution, renewals.proposeExtension(AgreementVariables.REFERENCE.from(execution),
                REASON.from(execution), NEW_EXPIRES_ON.from(execution)));
    }
}
