package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.ENDORSEMENT_ID;
import static org.cms.partnerships.endorsement.EndorsementProcess.MESSAGE_OBJECTION;
import static org.cms.partnerships.endorsement.EndorsementProcess.OBJECTION_REASON;
import static org.cms.partnerships.endorsement.EndorsementProcess.OBJECTOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a committee member's objection to a written procedure. In time, it is correlated to the
 * waiting procedure as a message; after the deadline (or once decided), it is refused but kept in
 * the register as a late objection, so nothing a member sent is lost.
 */
@Component
public class EndorsementObjections {

    private static final Logger log = LoggerFactory.getLogger(EndorsementObjections.class);

    public enum Outcome { ACCEPTED, LATE }

    private final EndorsementService endorsements;
    private final CommitteeMembers members;
    private final RuntimeService runtime;

    EndorsementObjections(EndorsementService endorsements, CommitteeMembers members, RuntimeService runtime) {
        this.endorsements = endorsements;
        this.members = members;
        this.runtime = runtime;
    }

    @Transactional
    public Outcome receive(long endorsementId, String memberName, String reason) {
        Endorsement procedure = endorsements.get(endorsementId);
        List<String> problems = new ArrayList<>();
        if (procedure.mode() != Mode.WRITTEN_PROCEDURE) {
            problems.add("Endorsement %d is not a written procedure: objections are raised at the meeting".formatted(endorsementId));
        }
        String member = members.servingMemberNamed(memberName, problems);
        String why = FormValues.requiredText(reason, "reason of the objection", 3, problems);
        InvalidInputException.throwIfAny(problems);
        boolean open = procedure.decision() == null && !RegisterClock.today().isAfter(procedure.objectionDeadline());
        if (open) {
            try {
                runtime.createMessageCorrelation(MESSAGE_OBJECTION)
                        .processInstanceVariableEquals(ENDORSEMENT_ID, endorsementId)
                        .setVariables(Map.of(OBJECTOR, member, OBJECTION_REASON, why,
                                RecordEndorsementObjection.RECEIVED_VIA, "REST"))
                        .correlate();
                return Outcome.ACCEPTED;
            } catch (MismatchingMessageCorrelationException e) {
                // The procedure closed between our check and the correlation: treat as late.
                log.info("Objection to endorsement {} found no open procedure: {}", endorsementId, e.getMessage());
            }
        }
        endorsements.recordObjection(endorsementId, member, why, true, "REST");
        log.warn("Late objection by {} to endorsement {} (deadline {}) recorded, not acted upon", member, endorsementId,
                procedure.objectionDeadline());
        return Outcome.LATE;
    }
}
