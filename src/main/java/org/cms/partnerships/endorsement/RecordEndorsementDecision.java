package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.Actor;
import org.springframework.stereotype.Component;

/**
 * Records a final decision (endorsed, with amendments, not endorsed) of the Committee or of the
 * partner's body, on the endorsement and on the subject's register record. The decision date may
 * not lie before the meeting nor in the future.
 */
@Component("recordEndorsementDecision")
class RecordEndorsementDecision implements JavaDelegate {

    private final EndorsementService endorsements;
    private final EndorsementSubjects subjects;
    private final IdentityService identity;

    RecordEndorsementDecision(EndorsementService endorsements, EndorsementSubjects subjects, IdentityService identity) {
        this.endorsements = endorsements;
        this.subjects = subjects;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Decision decision = FormValues.enumValue(Decision.class, execution.getVariable(DECISION), "decision", problems);
        if (decision == Decision.DEFERRED) {
            problems.add("A deferral is not a final decision");
        }
        Body body = Body.valueOf((String) execution.getVariable(BODY));
        Endorsement current = execution.getVariable(ENDORSEMENT_ID) == null ? null
                : endorsements.get(((Number) execution.getVariable(ENDORSEMENT_ID)).longValue());
        RecordedDecision recorded = RecordedDecision.read(execution, current, problems);
        LocalDate date = recorded.date();
        String text = recorded.text();
        InvalidInputException.throwIfAny(problems);
        SubjectType type = SubjectType.valueOf((String) execution.getVariable(SUBJECT_TYPE));
        String reference = (String) execution.getVariable(SUBJECT_REFERENCE);
        String by = Actor.current(identity);
        if (current == null) {
            // The partner's body: nothing was scheduled on our side, the record starts with its decision.
            current = endorsements.open(new EndorsementService.Schedule(type, reference, body, null, null, null, null,
                    null, null, by, execution.getProcessInstanceId()));
            execution.setVariable(ENDORSEMENT_ID, current.id());
        }
        Endorsement decided = endorsements.decide(current.id(), decision, date, text, by);
        subjects.recordOutcome(type, reference, decided);
        execution.setVariable(DECISION_DATE, date.toString());
    }
}
