package org.cms.partnerships.endorsement;

import static org.cms.partnerships.endorsement.EndorsementProcess.COMMITTEE_MEETING_OPTIONS;
import static org.cms.partnerships.endorsement.EndorsementProcess.NEW_MEETING;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.springframework.stereotype.Component;

/**
 * Creating "Schedule meeting or written procedure": the register's Standing Committee meetings still
 * to come become the options of the form's meeting select (task-local, so a deferral's new task lists
 * them afresh), followed by the choice of a meeting not yet in the register.
 */
@Component("offerCommitteeMeetings")
class OfferCommitteeMeetings implements TaskListener {

    private final MeetingService meetings;

    OfferCommitteeMeetings(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Meeting meeting : meetings.after(Meeting.Kind.STANDING_COMMITTEE, RegisterClock.today())) {
            options.put(String.valueOf(meeting.number()), label(meeting));
        }
        options.put(NEW_MEETING, "A meeting not yet in the register (enter its number, date and place below)");
        COMMITTEE_MEETING_OPTIONS.setLocal(task, options);
    }

    /** "61st meeting · Bonn, Germany · 12-13 March 2027". */
    static String label(Meeting meeting) {
        return "%s meeting · %s · %s".formatted(Meeting.ordinal(meeting.number()), meeting.venue(), meeting.dates());
    }
}
