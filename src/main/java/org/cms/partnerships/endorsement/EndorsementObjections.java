package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endorsement process's facade for what comes from outside Tasklist: a committee member's
 * objection to a written procedure. In time, it stops the waiting procedure (message
 * {@link EndorsementProcess#MESSAGE_OBJECTION}) and the proposal is deferred to the next meeting.
 * After the deadline (or once decided) it is refused with 409 and nothing is written: the answer and
 * the register agree, and the member raises the point at the next meeting. Returns register ids,
 * never engine objects.
 */
@Component
public class EndorsementObjections {

    private static final Logger log = LoggerFactory.getLogger(EndorsementObjections.class);

    static final String RECEIVED_BY_REST = "REST";

    /** The objection's id in the register. */
    public record Receipt(long objectionId) {
    }

    private final EndorsementService endorsements;
    private final RuntimeService runtime;
    private final IdentityService identity;

    EndorsementObjections(EndorsementService endorsements, RuntimeService runtime, IdentityService identity) {
        this.endorsements = endorsements;
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * @throws org.cms.partnerships.common.InvalidInputException not a written procedure, not a member, no reason
     * @throws ConflictException the deadline has passed or the procedure is decided: nothing is written
     */
    @Transactional
    public Receipt receive(long endorsementId, String memberName, String reason) {
        Endorsement procedure = endorsements.get(endorsementId);
        FormInput in = FormInput.of(OBJECTOR.putIn(OBJECTION_REASON.putIn(new HashMap<>(), reason), memberName));
        endorsements.checkIsWrittenProcedure(procedure, in);
        String member = endorsements.servingMemberNamed(in.required(OBJECTOR), in);
        String why = in.text(OBJECTION_REASON, 3);
        in.throwIfInvalid();
        if (endorsements.acceptsObjections(procedure)) {
            try {
                Map<String, Object> deferral = MUST_MEET.putIn(new HashMap<>(), true);
                SCHEDULE_NOTE.putIn(deferral, EndorsementService.objectionNote(member, why));
                runtime.createMessageCorrelation(MESSAGE_OBJECTION)
                        .processInstanceVariableEquals(ENDORSEMENT_ID.name(), endorsementId)
                        .setVariables(deferral)
                        .correlate();
                Objection objection = endorsements.objectInTime(endorsementId, member, why, RECEIVED_BY_REST,
                        Actor.current(identity));
                return new Receipt(objection.id());
            } catch (MismatchingMessageCorrelationException e) {
                // The procedure closed between our check and the correlation: as late as after the deadline.
                log.info("Objection to endorsement {} found no open procedure: {}", endorsementId, e.getMessage());
            }
        }
        log.warn("Late objection by {} to endorsement {} (deadline {}) refused, nothing recorded", member, endorsementId,
                procedure.objectionDeadline());
        throw new ConflictException(("The objection deadline of endorsement %d (%s) has passed or the procedure is decided: "
                + "the objection is not recorded; raise it at the next meeting of the Standing Committee")
                .formatted(endorsementId, procedure.objectionDeadline()));
    }
}
