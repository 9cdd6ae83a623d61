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

/**
 * Complete listener of "Record the Committee's decision": the decision (a deferral included) goes
 * into the register and onto the subject's record; a deferral sends the proposal to the next meeting.
 */
@Component("recordMeetingDecision")
class RecordMeetingDecision implements TaskListener {

    private final EndorsementService endorsements;
    private final IdentityService identity;

    RecordMeetingDecision(EndorsementService endorsements, IdentityService identity) {
        this.endorsements = endorsements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Decision decision = in.required(ENDORSEMENT_DECISION);
        LocalDate date = in.required(ENDORSEMENT_DECISION_DATE);
        String text = in.text(ENDORSEMENT_DECISION_TEXT, 3);
        EndorsementService.Recorded recorded = endorsements.recordMeetingDecision(ENDORSEMENT_ID.from(task), decision,
                date, text, Actor.current(identity), in);
        ENDORSEMENT_DECISION_DATE.set(task, date);
        if (recorded.deferred()) {
            MUST_MEET.set(task, true);
            SCHEDULE_NOTE.set(task, recorded.scheduleNote());
        }
    }
}
