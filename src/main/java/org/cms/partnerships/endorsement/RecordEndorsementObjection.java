package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/**
 * An objection in the written procedure (from the officer's form or by REST): recorded, and the
 * proposal is deferred to the next meeting, as the Committee's rules of procedure have it.
 */
@Component("recordEndorsementObjection")
class RecordEndorsementObjection implements JavaDelegate {

    /** Set by the REST correlation; the officer's form leaves it empty. */
    static final String RECEIVED_VIA = "objectionReceivedVia";

    private final EndorsementService endorsements;
    private final EndorsementSubjects subjects;
    private final CommitteeMembers members;
    private final IdentityService identity;

    RecordEndorsementObjection(EndorsementService endorsements, EndorsementSubjects subjects, CommitteeMembers members,
                               IdentityService identity) {
        this.endorsements = endorsements;
        this.subjects = subjects;
        this.members = members;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String member = members.servingMemberNamed(execution.getVariable(OBJECTOR), problems);
        String reason = FormValues.requiredText(execution.getVariable(OBJECTION_REASON), "reason of the objection", 3,
                problems);
        InvalidInputException.throwIfAny(problems);
        long endorsementId = ((Number) execution.getVariable(ENDORSEMENT_ID)).longValue();
        Object via = execution.getVariable(RECEIVED_VIA);
        endorsements.recordObjection(endorsementId, member, reason, false, via == null ? "OFFICER" : via.toString());
        String text = "Objection by %s: %s".formatted(member, reason);
        Endorsement deferred = endorsements.decide(endorsementId, Decision.DEFERRED, RegisterClock.today(), text,
                Actor.current(identity));
        subjects.recordOutcome(SubjectType.valueOf((String) execution.getVariable(SUBJECT_TYPE)),
                (String) execution.getVariable(SUBJECT_REFERENCE), deferred);
        execution.setVariable(MUST_MEET, true);
        execution.setVariable(SCHEDULE_NOTE,
                "Written procedure ended with an objection. %s. Schedule it for the next meeting.".formatted(text));
    }
}
