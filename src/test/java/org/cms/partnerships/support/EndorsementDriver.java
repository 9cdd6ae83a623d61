package org.cms.partnerships.support;

import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.security.Groups;

/**
 * Drives a standing-committee-endorsement instance (on its own or called by another process)
 * meeting by meeting, through {@link ProcessDriver}: the officer's forms, the e-mail and timer jobs,
 * the clock.
 */
public final class EndorsementDriver {

    /** The partnership officer who schedules and records (a demo user). */
    public static final String OFFICER = "oliver";

    /** The meeting route's steps from the schedule to the meeting day, each a job. */
    public static final List<String> MEETING_PREPARATION =
            List.of(TIMER_DOCUMENTS_DUE, SEND_DOCUMENTS, TIMER_REMINDER_DUE, SEND_REMINDER, TIMER_MEETING_DAY);

    private final ProcessDriver driver;

    public EndorsementDriver(ProcessDriver driver) {
        this.driver = driver;
    }

    /** For tests that have only the engine: the driver's engine steps only (no register or mail look-ups). */
    public EndorsementDriver(ProcessEngine engine) {
        this(new ProcessDriver(engine, null, null));
    }

    public ProcessInstance calledBy(ProcessInstance caller) {
        return driver.calledBy(caller);
    }

    /** The one of two parallel endorsements (CMS Standing Committee, partner's body) a caller waits for. */
    public ProcessInstance calledBy(ProcessInstance caller, String body) {
        return driver.calledBy(caller, BODY.name(), body);
    }

    /**
     * The demo register holds Standing Committee meetings up to the 45th, on their real past dates;
     * tests schedule meetings from this number on, so they never meet one of the register's.
     */
    public static final int FIRST_TEST_MEETING = 60;

    /** The officer's schedule of a meeting chosen from the register's (the form's select), as the form submits it. */
    public static Map<String, Object> registerMeeting(int number, String documentNumber) {
        Map<String, Object> form = new HashMap<>();
        MODE.putIn(form, Mode.MEETING);
        COMMITTEE_MEETING.putIn(form, String.valueOf(number));
        DOCUMENT_NUMBER.putIn(form, documentNumber);
        return form;
    }

    /** The officer's schedule of a meeting not yet in the register (recorded there in Bonn), as the form submits it. */
    public static Map<String, Object> newMeeting(int number, LocalDate date, String documentNumber) {
        Map<String, Object> form = new HashMap<>();
        MODE.putIn(form, Mode.MEETING);
        COMMITTEE_MEETING.putIn(form, NEW_MEETING);
        NEW_MEETING_NUMBER.putIn(form, number);
        NEW_MEETING_DATE.putIn(form, date);
        NEW_MEETING_VENUE.putIn(form, "Bonn, Germany");
        DOCUMENT_NUMBER.putIn(form, documentNumber);
        return form;
    }

    /** The meetings the schedule form offers (value to label), as its create listener prepared them. */
    public Map<String, String> meetingOptions(ProcessInstance endorsement) {
        return driver.taskVariable(endorsement, TASK_SCHEDULE, COMMITTEE_MEETING_OPTIONS);
    }

    /**
     * Schedules meeting {@code number} on {@code date} as an officer would: chosen from the form's list
     * when an earlier test or step recorded it already, else recorded as a meeting not yet in the register.
     */
    public void scheduleMeeting(ProcessInstance endorsement, int number, LocalDate date, String documentNumber) {
        if (number < FIRST_TEST_MEETING) {
            throw new IllegalArgumentException("Tests schedule meetings from " + FIRST_TEST_MEETING + " on, not " + number);
        }
        boolean listed = meetingOptions(endorsement).containsKey(String.valueOf(number));
        complete(endorsement, TASK_SCHEDULE, listed ? registerMeeting(number, documentNumber)
                : newMeeting(number, date, documentNumber));
    }

    /** The officer's schedule of a written procedure, as the form submits it. */
    public static Map<String, Object> writtenProcedure(LocalDate deadline) {
        Map<String, Object> form = new HashMap<>();
        MODE.putIn(form, Mode.WRITTEN_PROCEDURE);
        OBJECTION_DEADLINE.putIn(form, deadline);
        return form;
    }

    /** A decision as the meeting-decision and partner-body forms submit it. */
    public static Map<String, Object> decision(Decision decision, LocalDate date, String text) {
        Map<String, Object> form = new HashMap<>();
        ENDORSEMENT_DECISION.putIn(form, decision);
        ENDORSEMENT_DECISION_DATE.putIn(form, date);
        ENDORSEMENT_DECISION_TEXT.putIn(form, text);
        return form;
    }

    /** Completes the endorsement's task {@code taskKey} as a partnership officer. */
    public void complete(ProcessInstance endorsement, String taskKey, Map<String, Object> form) {
        driver.complete(OFFICER, Groups.PARTNERSHIP_OFFICERS, endorsement, taskKey, form);
    }

    /** Runs documents, reminder and the meeting-day timer: the decision task is then open. */
    public void reachMeetingDay(ProcessInstance endorsement) {
        MEETING_PREPARATION.forEach(step -> driver.run(endorsement, step));
    }

    /**
     * Schedules the next meeting 40 days ahead, sends documents and reminder, and records the
     * decision on the meeting day; the clock is back to now afterwards.
     */
    public void decideAtMeeting(ProcessInstance endorsement, int meetingNumber, String documentNumber, Decision decision) {
        LocalDate meeting = RegisterClock.today().plusDays(40);
        scheduleMeeting(endorsement, meetingNumber, meeting, documentNumber);
        reachMeetingDay(endorsement);
        driver.moveClockTo(RegisterClock.at(meeting, LocalTime.of(15, 0)));
        try {
            complete(endorsement, TASK_RECORD_MEETING_DECISION, decision(decision, meeting,
                    "Decision of the " + meetingNumber + "th meeting: " + decision));
            if (decision != Decision.DEFERRED) {
                driver.run(endorsement, NOTIFY_DECISION);
            }
        } finally {
            driver.resetClock();
        }
    }

    /** As above, the decision given by its name (ENDORSED, ENDORSED_WITH_AMENDMENTS, DEFERRED, NOT_ENDORSED). */
    public void decideAtMeeting(ProcessInstance endorsement, int meetingNumber, String documentNumber, String decision) {
        decideAtMeeting(endorsement, meetingNumber, documentNumber, Decision.valueOf(decision));
    }

    /** The register id of the endorsement the instance works on (set when scheduled or decided). */
    public long endorsementId(ProcessInstance endorsement) {
        return driver.variable(endorsement, ENDORSEMENT_ID);
    }
}
