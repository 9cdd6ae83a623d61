package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        Endorsement procedure = endorsements.get(((Number) execution.getVariable(ENDORSEMENT_ID)).longValue());
        execution.setVariable(DECISION, Endorsement.Decision.ENDORSED.name());
        execution.setVariable(DECISION_DATE, procedure.objectionDeadline().toString());
        execution.setVariable(DECISION_TEXT, "No objection received by %s (written procedure)"
                .formatted(procedure.objectionDeadline()));
    }
}
