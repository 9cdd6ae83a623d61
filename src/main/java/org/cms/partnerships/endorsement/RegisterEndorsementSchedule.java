package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.stereotype.Component;

/**
 * Checks the officer's schedule and records it: a meeting (number, date, document) or a written
 * procedure (deadline). Refuses a date in the past, a document number already used, a meeting with
 * no serving members, and a written procedure right after a deferral. Sets the timers' dates.
 */
@Component("registerEndorsementSchedule")
class RegisterEndorsementSchedule implements JavaDelegate {

    private final EndorsementService endorsements;
    private final CommitteeService committee;
    private final EndorsementSettings settings;
    private final IdentityService identity;

    RegisterEndorsementSchedule(EndorsementService endorsements, CommitteeService committee,
                                EndorsementSettings settings, IdentityService identity) {
        this.endorsements = endorsements;
        this.committee = committee;
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Mode mode = FormValues.enumValue(Mode.class, execution.getVariable(MODE), "mode (meeting or written procedure)", problems);
        LocalDate today = RegisterClock.today();
        String documentNumber = FormValues.text(execution.getVariable(DOCUMENT_NUMBER));
        Integer meetingNumber = null;
        LocalDate meetingDate = null;
        LocalDate deadline = null;

        if (mode == Mode.MEETING) {
            meetingNumber = FormValues.positiveInt(execution.getVariable(MEETING_NUMBER), "meeting number", problems);
            meetingDate = FormValues.date(execution.getVariable(MEETING_DATE), "meeting date", problems);
            if (meetingDate != null && !meetingDate.isAfter(today)) {
                problems.add("The meeting date %s is not in the future".formatted(meetingDate));
            }
            if (documentNumber.isEmpty()) {
                problems.add("The document number is required, e.g. CMS/StC38/4");
            }
        } else if (mode == Mode.WRITTEN_PROCEDURE) {
            if (Boolean.TRUE.equals(execution.getVariable(MUST_MEET))) {
                problems.add("After a deferral or an objection the proposal goes to the next meeting, not to a written procedure");
            }
            deadline = FormValues.date(execution.getVariable(OBJECTION_DEADLINE), "objection deadline", problems);
            if (deadline != null && !deadline.isAfter(today)) {
                problems.add("The objection deadline %s is not in the future".formatted(deadline));
            }
        }
        if (!documentNumber.isEmpty() && endorsements.documentNumberTaken(documentNumber)) {
            problems.add("Document number %s is already used".formatted(documentNumber));
        }
        LocalDate membersServeOn = meetingDate != null ? meetingDate : today;
        if (mode != null && committee.membersServingOn(membersServeOn).isEmpty()) {
            problems.add("No Standing Committee member serves on %s: nobody could be consulted".formatted(membersServeOn));
        }
        InvalidInputException.throwIfAny(problems);

        Endorsement endorsement = endorsements.open(new EndorsementService.Schedule(
                SubjectType.valueOf((String) execution.getVariable(SUBJECT_TYPE)),
                (String) execution.getVariable(SUBJECT_REFERENCE), Body.CMS_STANDING_COMMITTEE, mode, meetingNumber,
                meetingDate, documentNumber.isEmpty() ? null : documentNumber,
                FormValues.text(execution.getVariable(DOCUMENT_URL)), deadline, Actor.current(identity),
                execution.getProcessInstanceId()));
        execution.setVariable(ENDORSEMENT_ID, endorsement.id());
        if (mode == Mode.MEETING) {
            // Normalized for templates and forms: a whole number and an ISO date.
            execution.setVariable(MEETING_NUMBER, meetingNumber);
            execution.setVariable(MEETING_DATE, meetingDate.toString());
            execution.setVariable(MEETING_ORDINAL, Endorsement.ordinal(meetingNumber));
            execution.setVariable(MEETING_LABEL, Endorsement.ordinal(meetingNumber) + " meeting of the Standing Committee");
            execution.setVariable(DOCUMENTS_DUE_AT, RegisterClock.at(meetingDate.minusDays(settings.documentsLeadDays()), LocalTime.of(9, 0)));
            execution.setVariable(REMINDER_DUE_AT, RegisterClock.at(meetingDate.minusDays(settings.reminderLeadDays()), LocalTime.of(9, 0)));
            execution.setVariable(MEETING_AT, RegisterClock.at(meetingDate, LocalTime.MIDNIGHT));
        } else {
            execution.setVariable(OBJECTION_DEADLINE, deadline.toString());
            // The deadline day counts in full.
            execution.setVariable(DEADLINE_AT, RegisterClock.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
        }
    }
}
