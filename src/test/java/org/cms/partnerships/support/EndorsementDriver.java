package org.cms.partnerships.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.common.RegisterClock;

/** Drives a standing-committee-endorsement instance called by another process, meeting by meeting. */
public final class EndorsementDriver {

    private final ProcessEngine engine;

    public EndorsementDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    public ProcessInstance calledBy(ProcessInstance caller) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();
    }

    /** The one of two parallel endorsements (CMS Standing Committee, partner's body) a caller waits for. */
    public ProcessInstance calledBy(ProcessInstance caller, String body) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .variableValueEquals(BODY, body).singleResult();
    }

    /**
     * Schedules the next meeting 40 days ahead, sends documents and reminder, and records the
     * decision on the meeting day; the clock is back to now afterwards.
     */
    public void decideAtMeeting(ProcessInstance endorsement, int meetingNumber, String documentNumber, String decision) {
        LocalDate meeting = RegisterClock.today().plusDays(40);
        complete(task(endorsement), Map.of(MODE, "MEETING", MEETING_NUMBER, meetingNumber,
                MEETING_DATE, meeting.toString(), DOCUMENT_NUMBER, documentNumber));
        for (int step = 0; step < 5; step++) {
            execute(job(endorsement));
        }
        ClockUtil.setCurrentTime(RegisterClock.at(meeting, LocalTime.of(15, 0)));
        try {
            complete(task(endorsement), Map.of(DECISION, decision, DECISION_DATE, meeting.toString(),
                    DECISION_TEXT, "Decision of the " + meetingNumber + "th meeting: " + decision));
            if (!"DEFERRED".equals(decision)) {
                execute(job(endorsement)); // inform members
            }
        } finally {
            ClockUtil.reset();
        }
    }
}
