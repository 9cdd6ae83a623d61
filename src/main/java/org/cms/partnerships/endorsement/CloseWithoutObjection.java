package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** The objection deadline passed in silence: by the rules of the written procedure, it is endorsed. */
@Component("closeWithoutObjection")
class CloseWithoutObjection implements JavaDelegate {

    private final EndorsementService endorsements;

    CloseWithoutObjection(EndorsementService endorsements) {
        this.endorsements = endorsements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Endorsement closed = endorsements.closeWithoutObjection(ENDORSEMENT_ID.from(execution), Actor.SYSTEM);
        ENDORSEMENT_DECISION.set(execution, closed.decision());
        ENDORSEMENT_DECISION_DATE.set(execution, closed.decisionDate());
        ENDORSEMENT_DECISION_TEXT.set(execution, closed.decisionText());
    }
}
