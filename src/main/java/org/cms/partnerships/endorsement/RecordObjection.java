package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Record an objection received" (a member objected by letter or e-mail): the
 * objection is recorded and the proposal deferred to the next meeting. Objections by REST take
 * the same way through {@link EndorsementObjections}.
 */
@Component("recordEndorsementObjection")
class RecordObjection implements TaskListener {

    static final String RECEIVED_BY_OFFICER = "OFFICER";

    private final EndorsementService endorsements;
    private final IdentityService identity;

    RecordObjection(EndorsementService endorsements, IdentityService identity) {
        this.endorsements = endorsements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String member = endorsements.servingMemberNamed(in.required(OBJECTOR), in);
        String reason = in.text(OBJECTION_REASON, 3);
        in.throwIfInvalid();
        endorsements.objectInTime(ENDORSEMENT_ID.from(task), member, reason, RECEIVED_BY_OFFICER, Actor.current(identity));
        MUST_MEET.set(task, true);
        SCHEDULE_NOTE.set(task, EndorsementService.objectionNote(member, reason));
    }
}
