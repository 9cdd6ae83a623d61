package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Schedule meeting or written procedure": reads the officer's schedule (a meeting
 * chosen from the register's, or one to record there), has {@link EndorsementService#schedule} check and
 * record it, and sets the dates the timers wait for from the register's meeting.
 */
@Component("scheduleEndorsement")
class ScheduleEndorsement implements TaskListener {

    private final EndorsementService endorsements;
    private final EndorsementSettings settings;
    private final IdentityService identity;

    ScheduleEndorsement(EndorsementService endorsements, EndorsementSettings settings, IdentityService identity) {
        this.endorsements = endorsements;
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Mode mode = in.required(MODE);
        EndorsementService.MeetingChoice meeting = null;
        LocalDate deadline = null;
        if (mode == Mode.MEETING) {
            meeting = meetingChosen(in);
        } else if (mode == Mode.WRITTEN_PROCEDURE) {
            deadline = in.required(OBJECTION_DEADLINE);
        }
        String documentNumber = in.optional(DOCUMENT_NUMBER);
        String documentUrl = in.webAddress(DOCUMENT_URL, false);
        boolean mustMeet = Boolean.TRUE.equals(MUST_MEET.orNull(task));

        Endorsement scheduled = endorsements.schedule(new EndorsementService.Schedule(SUBJECT_TYPE.from(task),
                SUBJECT_REFERENCE.from(task), Body.CMS_STANDING_COMMITTEE, mode, null, null, null,
                documentNumber, documentUrl, deadline, Actor.current(identity),
                task.getProcessInstanceId()), meeting, mustMeet, in);

        ENDORSEMENT_ID.set(task, scheduled.id());
        if (mode == Mode.MEETING) {
            // The register's number and date, whatever the form held: templates, reminders and the meeting day use them.
            int meetingNumber = scheduled.meetingNumber();
            LocalDate meetingDate = scheduled.meetingDate();
            MEETING_NUMBER.set(task, meetingNumber);
            MEETING_DATE.set(task, meetingDate);
            MEETING_ORDINAL.set(task, Endorsement.ordinal(meetingNumber));
            MEETING_LABEL.set(task, Endorsement.ordinal(meetingNumber) + " meeting of the Standing Committee");
            DOCUMENTS_DUE_AT.set(task, RegisterClock.at(meetingDate.minusDays(settings.documentsLeadDays()), LocalTime.of(9, 0)));
            REMINDER_DUE_AT.set(task, RegisterClock.at(meetingDate.minusDays(settings.reminderLeadDays()), LocalTime.of(9, 0)));
            MEETING_AT.set(task, RegisterClock.at(meetingDate, LocalTime.MIDNIGHT));
        } else {
            OBJECTION_DEADLINE.set(task, deadline);
            // The deadline day counts in full.
            DEADLINE_AT.set(task, RegisterClock.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
        }
    }

    /** The select's choice: a number of the register's meetings, or a new meeting with its number, date and place. */
    private static EndorsementService.MeetingChoice meetingChosen(FormInput in) {
        String choice = in.required(COMMITTEE_MEETING);
        if (choice == null) {
            return null;
        }
        if (NEW_MEETING.equals(choice)) {
            return EndorsementService.MeetingChoice.notYetInRegister(in.required(NEW_MEETING_NUMBER),
                    in.required(NEW_MEETING_DATE), in.required(NEW_MEETING_VENUE));
        }
        if (!choice.matches("\\d{1,9}")) {
            in.problem("The Standing Committee meeting '%s' is not one of the list".formatted(choice));
            return null;
        }
        return EndorsementService.MeetingChoice.inRegister(Integer.valueOf(choice));
    }
}
