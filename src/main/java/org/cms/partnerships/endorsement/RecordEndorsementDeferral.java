package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/** The meeting deferred the item: closes this meeting's record and asks for the next meeting. */
@Component("recordEndorsementDeferral")
class RecordEndorsementDeferral implements JavaDelegate {

    private final EndorsementService endorsements;
    private final EndorsementSubjects subjects;
    private final IdentityService identity;

    RecordEndorsementDeferral(EndorsementService endorsements, EndorsementSubjects subjects, IdentityService identity) {
        this.endorsements = endorsements;
        this.subjects = subjects;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Endorsement meeting = endorsements.get(((Number) execution.getVariable(ENDORSEMENT_ID)).longValue());
        RecordedDecision recorded = RecordedDecision.read(execution, meeting, problems);
        InvalidInputException.throwIfAny(problems);
        LocalDate date = recorded.date();
        String text = recorded.text();
        Endorsement deferred = endorsements.decide(meeting.id(), Decision.DEFERRED, date, text, Actor.current(identity));
        subjects.recordOutcome(SubjectType.valueOf((String) execution.getVariable(SUBJECT_TYPE)),
                (String) execution.getVariable(SUBJECT_REFERENCE), deferred);
        execution.setVariable(MUST_MEET, true);
        execution.setVariable(SCHEDULE_NOTE, "Deferred at the %s on %s: %s. Schedule it for the next meeting."
                .formatted(execution.getVariable(MEETING_LABEL), date, text));
    }
}
