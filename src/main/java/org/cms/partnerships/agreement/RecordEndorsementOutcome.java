package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.endorsement.EndorsementProcess.DECISION;
import static org.cms.partnerships.endorsement.EndorsementProcess.DECISION_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.endorsement.Endorsement;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * What the Standing Committee decided, as this agreement sees it: amendments send the draft back
 * (and then straight back to the Committee), a refusal rejects the proposal.
 */
@Component("recordEndorsementOutcome")
class RecordEndorsementOutcome implements JavaDelegate {

    private final AgreementService agreements;

    RecordEndorsementOutcome(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Endorsement.Decision decision = Endorsement.Decision.valueOf((String) execution.getVariable(DECISION));
        String text = (String) execution.getVariable(DECISION_TEXT);
        agreements.addComment((String) execution.getVariable(AGREEMENT_REFERENCE), "ENDORSEMENT", "Standing Committee",
                Actor.SYSTEM, decision + ": " + text);
        switch (decision) {
            case ENDORSED_WITH_AMENDMENTS -> {
                execution.setVariable(REVISION_REASON, "Endorsed with amendments by the Standing Committee: " + text);
                execution.setVariable(RETURN_TO_ENDORSEMENT, true);
            }
            case NOT_ENDORSED -> execution.setVariable(REJECTION_REASON, "Not endorsed by the Standing Committee: " + text);
            default -> execution.setVariable(RETURN_TO_ENDORSEMENT, false);
        }
    }
}
