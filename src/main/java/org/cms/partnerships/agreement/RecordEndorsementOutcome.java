package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.endorsement.Endorsement;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * End listener of the call activity "Standing Committee endorsement": what the Committee decided, as
 * this agreement sees it. Amendments send the draft back (and then straight back to the Committee),
 * a refusal gives the reason of the REJECTED status.
 */
@Component("recordEndorsementOutcome")
class RecordEndorsementOutcome implements ExecutionListener {

    private final AgreementService agreements;

    RecordEndorsementOutcome(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Endorsement.Decision decision = ENDORSEMENT_DECISION.from(execution);
        String text = ENDORSEMENT_DECISION_TEXT.orNull(execution);
        agreements.addComment(AgreementVariables.REFERENCE.from(execution), "ENDORSEMENT", "Standing Committee",
                Actor.SYSTEM, decision + ": " + text);
        RETURN_TO_ENDORSEMENT.set(execution, decision == Endorsement.Decision.ENDORSED_WITH_AMENDMENTS);
        switch (decision) {
            case ENDORSED_WITH_AMENDMENTS -> REVISION_REASON.set(execution,
                    "Endorsed with amendments by the Standing Committee: " + text);
            case NOT_ENDORSED -> REJECTION_REASON.set(execution, "Not endorsed by the Standing Committee: " + text);
            default -> { }
        }
    }
}
