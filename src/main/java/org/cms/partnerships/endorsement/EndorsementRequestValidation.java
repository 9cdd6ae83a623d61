package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.stereotype.Component;

/**
 * Start listener: checks what the calling process asks to be endorsed and copies what the tasks and
 * e-mails show (title, partner, the committee) from the register.
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
        FormInput in = FormInput.of(execution);
        SubjectType type = in.required(SUBJECT_TYPE);
        in.required(BODY);
        in.optional(MODE);
        String reference = in.required(SUBJECT_REFERENCE);
        EndorsementSubjects.Subject subject = null;
        if (type != null && reference != null) {
            try {
                subject = subjects.resolve(type, reference);
            } catch (NotFoundException e) {
                in.problem(e.getMessage());
            }
        }
        in.throwIfInvalid();
        SUBJECT_TITLE.set(execution, subject.title());
        PARTNER_ACRONYM.set(execution, subject.partnerAcronym());
        PARTNER_NAME.set(execution, subject.partnerName());
        MUST_MEET.set(execution, false);
        PARTNER_REMINDER_CYCLE.set(execution, settings.partnerReminderCycle());
        COMMITTEE_MEMBERS.set(execution, committee.membersServingOn(RegisterClock.today()).stream()
                .map(m -> m.name() + " (" + m.partyOrSeat() + ")").collect(Collectors.joining(", ")));
    }
}
