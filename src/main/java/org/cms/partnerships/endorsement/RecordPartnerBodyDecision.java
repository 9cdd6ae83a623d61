package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Complete listener of "Record the partner body's decision": into the register and onto the subject's record. */
@Component("recordPartnerBodyDecision")
class RecordPartnerBodyDecision implements TaskListener {

    private final EndorsementService endorsements;
    private final IdentityService identity;

    RecordPartnerBodyDecision(EndorsementService endorsements, IdentityService identity) {
        this.endorsements = endorsements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Decision decision = in.required(ENDORSEMENT_DECISION);
        LocalDate date = in.required(ENDORSEMENT_DECISION_DATE);
        String text = in.text(ENDORSEMENT_DECISION_TEXT, 3);
        Endorsement decided = endorsements.recordPartnerBodyDecision(SUBJECT_TYPE.from(task), SUBJECT_REFERENCE.from(task),
                decision, date, text, Actor.current(identity), task.getProcessInstanceId(), in);
        ENDORSEMENT_ID.set(task, decided.id());
        ENDORSEMENT_DECISION_DATE.set(task, date);
    }
}
