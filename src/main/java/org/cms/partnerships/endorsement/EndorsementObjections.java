package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endorsement process's facade for what comes from outside Tasklist: a committee member's
 * objection to a written procedure. In time, it stops the waiting procedure (message
 * {@link EndorsementProcess#MESSAGE_OBJECTION}) and the proposal is deferred to the next meeting;
 * after the deadline (or once decided) it is kept in the register as a late objection, so nothing a
 * member sent is lost. Returns register ids, never engine objects.
 */
@Component
public class EndorsementObjections {

    private static final Logger log = LoggerFactory.getLogger(EndorsementObjections.class);

    static final String RECEIVED_BY_REST = "REST";

    /** The objection's id in the register, and whether it came too late to be acted upon. */
    public record Receipt(long objectionId, boolean late) {
    }

    private final EndorsementService endorsements;
    private final RuntimeService runtime;
    private final IdentityService identity;

    EndorsementObjections(EndorsementService endorsements, RuntimeService runtime, IdentityService identity) {
        this.endorsements = endorsements;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** @throws org.cms.partnerships.common.InvalidInputException not a written procedure, not a member, no reason */
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
                return new Receipt(objection.id(), false);
            } catch (MismatchingMessageCorrelationException e) {
                // The procedure closed between our check and the correlation: treat as late.
                log.info("Objection to endorsement {} found no open procedure: {}", endorsementId, e.getMessage());
            }
        }
        Objection late = endorsements.objectLate(endorsementId, member, why, RECEIVED_BY_REST);
        log.warn("Late objection by {} to endorsement {} (deadline {}) recorded, not acted upon", member, endorsementId,
                procedure.objectionDeadline());
        return new Receipt(late.id(), true);
    }
}
