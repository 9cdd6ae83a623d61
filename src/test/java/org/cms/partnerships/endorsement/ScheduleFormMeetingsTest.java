package org.cms.partnerships.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.endorsement.EndorsementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.Meeting.Kind;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The schedule form's meeting, through the path an officer's browser takes (Tasklist's calls to the
 * webapps' engine API): the select lists the register's Standing Committee meetings still to come;
 * choosing one schedules on the register's date; a meeting not yet in the register is recorded there;
 * a number the register holds with another date, or a meeting past, is refused and nothing is written.
 */
@CmsIntegrationTest
class ScheduleFormMeetingsTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired MeetingService meetings;
    @Autowired EndorsementService endorsements;

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate today = RegisterClock.today();

    @Test
    void theSelectOffersOnlyTheRegistersMeetingsToComeThenOneNotYetInTheRegister() throws Exception {
        Meeting next = meetingInRegister(90, today.plusDays(70));
        ProcessInstance pi = start("CMS-IWC-2000");

        JsonNode options = optionsAsTasklistLoadsThem(pi);
        List<String> values = new ArrayList<>();
        options.forEach(o -> values.add(o.path("value").asText()));
        assertThat(values).contains("90").doesNotContain("38", "41", "42", "44", "45").last().isEqualTo(NEW_MEETING);
        assertThat(options).filteredOn(o -> o.path("value").asText().equals("90")).singleElement()
                .satisfies(o -> assertThat(o.path("label").asText()).isEqualTo("90th meeting · Geneva, Switzerland · " + next.dates()));
        // Every listed meeting is still to come.
        for (String value : values.subList(0, values.size() - 1)) {
            assertThat(meetings.get(Kind.STANDING_COMMITTEE, Integer.parseInt(value)).startsOn()).isAfter(today);
        }
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void choosingARegisterMeetingSchedulesItOnTheRegistersDate() {
        Meeting next = meetingInRegister(90, today.plusDays(70));
        ProcessInstance pi = start("CMS-TUI-2005");

        ResponseEntity<JsonNode> answer = submit(pi, """
                {"variables": {"endorsementMode": {"value": "MEETING", "type": "String"},
                               "committeeMeeting": {"value": "90", "type": "String"},
                               "documentNumber": {"value": "CMS/StC90/3-TUI", "type": "String"}}}""");

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        Endorsement scheduled = endorsements.get(driver.variable(pi, ENDORSEMENT_ID));
        assertThat(scheduled.meetingId()).isEqualTo(next.id());
        assertThat(scheduled.meetingNumber()).isEqualTo(90);
        assertThat(scheduled.meetingDate()).isEqualTo(next.startsOn());
        assertThat(driver.dueDay(driver.job(pi, TIMER_DOCUMENTS_DUE))).isEqualTo(next.startsOn().minusDays(30));
        assertThat(driver.variable(pi, MEETING_LABEL)).isEqualTo("90th meeting of the Standing Committee");
        // What the register's API shows of it.
        Endorsement shown = rest.withBasicAuth("oliver", "oliver")
                .getForObject("/api/endorsements/" + scheduled.id(), EndorsementApi.EndorsementDetail.class).endorsement();
        assertThat(shown.meetingId()).isEqualTo(next.id());
        assertThat(shown.meetingNumber()).isEqualTo(90);
        assertThat(shown.meetingDate()).isEqualTo(next.startsOn());
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void aMeetingNotYetInTheRegisterIsRecordedThereFromTheForm() {
        LocalDate date = today.plusDays(80);
        ProcessInstance pi = start("CMS-NOAA-2013");

        ResponseEntity<JsonNode> answer = submit(pi, """
                {"variables": {"endorsementMode": {"value": "MEETING", "type": "String"},
                               "committeeMeeting": {"value": "NEW", "type": "String"},
                               "newMeetingNumber": {"value": 91},
                               "newMeetingDate": {"value": "%s", "type": "String"},
                               "newMeetingVenue": {"value": "Nairobi, Kenya", "type": "String"},
                               "documentNumber": {"value": "CMS/StC91/2-NOAA", "type": "String"}}}""".formatted(date));

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode listed = rest.withBasicAuth("lena", "lena").getForObject("/api/meetings?kind=STANDING_COMMITTEE", JsonNode.class);
        List<JsonNode> the91st = new ArrayList<>();
        listed.forEach(m -> { if (m.path("number").asInt() == 91) the91st.add(m); });
        assertThat(the91st).singleElement().satisfies(m -> {
            assertThat(m.path("venue").asText()).isEqualTo("Nairobi, Kenya");
            assertThat(m.path("startsOn").asText()).isEqualTo(date.toString());
        });
        Endorsement scheduled = endorsements.get(driver.variable(pi, ENDORSEMENT_ID));
        assertThat(scheduled.meetingId()).isEqualTo(the91st.get(0).path("id").asLong());
        assertThat(driver.dueDay(driver.job(pi, TIMER_DOCUMENTS_DUE))).isEqualTo(date.minusDays(30));

        // The next schedule lists it.
        ProcessInstance another = start("CMS-FOC-2010");
        assertThat(driver.taskVariable(another, TASK_SCHEDULE, COMMITTEE_MEETING_OPTIONS)).containsKey("91");
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
        engine.getRuntimeService().deleteProcessInstance(another.getId(), "test done");
    }

    @Test
    void aNumberTheRegisterHoldsWithAnotherDateOrAMeetingPastIsRefusedAndNothingIsWritten() {
        ProcessInstance pi = start("CMS-CIC-2005");
        Meeting stc44 = meetings.get(Kind.STANDING_COMMITTEE, 44);
        LocalDate otherDate = today.plusDays(30);

        ResponseEntity<JsonNode> clash = submit(pi, """
                {"variables": {"endorsementMode": {"value": "MEETING", "type": "String"},
                               "committeeMeeting": {"value": "NEW", "type": "String"},
                               "newMeetingNumber": {"value": 44},
                               "newMeetingDate": {"value": "%s", "type": "String"},
                               "newMeetingVenue": {"value": "Bonn, Germany", "type": "String"},
                               "documentNumber": {"value": "CMS/StC44/9-CIC", "type": "String"}}}""".formatted(otherDate));
        assertThat(clash.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(clash.getBody().path("message").asText()).isEqualTo(
                "The 44th meeting of the Standing Committee is in the register for 14-15 October 2015 (Bonn, Germany), not "
                        + otherDate + ": choose it from the list, or correct the number or the date");

        ResponseEntity<JsonNode> past = submit(pi, """
                {"variables": {"endorsementMode": {"value": "MEETING", "type": "String"},
                               "committeeMeeting": {"value": "45", "type": "String"},
                               "documentNumber": {"value": "CMS/StC45/9-CIC", "type": "String"}}}""");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.getBody().path("message").asText()).isEqualTo("The meeting date 2016-11-09 is not in the future");

        ResponseEntity<JsonNode> unknown = submit(pi, """
                {"variables": {"endorsementMode": {"value": "MEETING", "type": "String"},
                               "committeeMeeting": {"value": "499", "type": "String"},
                               "documentNumber": {"value": "CMS/StC499/9-CIC", "type": "String"}}}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("message").asText()).isEqualTo("The 499th meeting of the Standing Committee is not in "
                + "the register: choose one from the list, or record it as a meeting not yet in the register");

        assertThat(pi).extracting(p -> driver.task(p, TASK_SCHEDULE)).isNotNull();
        assertThat(endorsements.forSubject("CMS-CIC-2005")).noneMatch(e -> e.processInstanceId() != null
                && e.processInstanceId().equals(pi.getId()));
        assertThat(meetings.get(Kind.STANDING_COMMITTEE, 44)).isEqualTo(stc44);
        assertThat(meetings.find(Kind.STANDING_COMMITTEE, 499)).isEmpty();
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    private Meeting meetingInRegister(int number, LocalDate date) {
        return meetings.find(Kind.STANDING_COMMITTEE, number).orElseGet(() -> meetings.create(new MeetingService.MeetingInput(
                Kind.STANDING_COMMITTEE, number, "Geneva, Switzerland", date, null, null)));
    }

    /** What Tasklist does before it renders the form: the task's variables, JSON ones parsed. */
    private JsonNode optionsAsTasklistLoadsThem(ProcessInstance pi) throws Exception {
        String task = driver.task(pi, TASK_SCHEDULE).getId();
        JsonNode variables = WebappSession.login(rest, "oliver", "tasklist")
                .getFromEngine("engine/default/task/%s/form-variables?deserializeValues=false".formatted(task)).getBody();
        JsonNode options = variables.path(COMMITTEE_MEETING_OPTIONS.name());
        assertThat(options.path("type").asText()).isEqualTo("Json");
        return json.readTree(options.path("value").asText());
    }

    private ResponseEntity<JsonNode> submit(ProcessInstance pi, String variables) {
        String task = driver.task(pi, TASK_SCHEDULE).getId();
        return WebappSession.login(rest, "oliver", "tasklist")
                .postToEngine("engine/default/task/%s/submit-form".formatted(task), variables);
    }

    private ProcessInstance start(String agreementReference) {
        Map<String, Object> request = new HashMap<>();
        SUBJECT_TYPE.putIn(request, SubjectType.AGREEMENT);
        SUBJECT_REFERENCE.putIn(request, agreementReference);
        BODY.putIn(request, Body.CMS_STANDING_COMMITTEE);
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, request);
    }
}
