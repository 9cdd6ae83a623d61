package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.BODY;
import static org.cms.partnerships.endorsement.EndorsementProcess.COMMITTEE_MEMBERS;
import static org.cms.partnerships.endorsement.EndorsementProcess.MODE;
import static org.cms.partnerships.endorsement.EndorsementProcess.MUST_MEET;
import static org.cms.partnerships.endorsement.EndorsementProcess.SUBJECT_REFERENCE;
import static org.cms.partnerships.endorsement.EndorsementProcess.SUBJECT_TITLE;
import static org.cms.partnerships.endorsement.EndorsementProcess.SUBJECT_TYPE;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.stereotype.Component;

/**
 * Checks what the calling process asks to be endorsed and copies what the tasks and e-mails show
 * (title, partner, the committee) from the register.
 */
@Component("endorsementRequestValidation")
class EndorsementRequestValidation implements ExecutionListener {

    private final EndorsementSubjects subjects;
    private final CommitteeService committee;
    private final EndorsementSettings settings;

    EndorsementRequestValidation(EndorsementSubjects subjects, CommitteeService committee, EndorsementSettings settings) {
        this.subjects = subjects;
        this.committee = committee;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        SubjectType type = FormValues.enumValue(SubjectType.class, execution.getVariable(SUBJECT_TYPE), "subject type", problems);
        Body body = FormValues.enumValue(Body.class, execution.getVariable(BODY), "body", problems);
        Object mode = execution.getVariable(MODE);
        if (mode != null && !mode.toString().isBlank()) {
            FormValues.enumValue(Mode.class, mode, "mode", problems);
        }
        String reference = (String) execution.getVariable(SUBJECT_REFERENCE);
        EndorsementSubjects.Subject subject = null;
        if (reference == null || reference.isBlank()) {
            problems.add("The reference of what is to be endorsed is required");
        } else if (type != null) {
            try {
                subject = subjects.resolve(type, reference);
            } catch (NotFoundException e) {
                problems.add(e.getMessage());
            }
        }
        InvalidInputException.throwIfAny(problems);
        execution.setVariable(SUBJECT_TITLE, subject.title());
        execution.setVariable("partnerAcronym", subject.partnerAcronym());
        execution.setVariable("partnerName", subject.partnerName());
        execution.setVariable(MUST_MEET, false);
        execution.setVariable("partnerReminderCycle", settings.partnerReminderCycle());
        execution.setVariable(COMMITTEE_MEMBERS, committee.membersServingOn(RegisterClock.today()).stream()
                .map(m -> m.name() + " (" + m.partyOrSeat() + ")").collect(Collectors.joining(", ")));
    }
}
