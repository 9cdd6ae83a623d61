package org.cms.partnerships.meeting;

import java.util.List;
import org.cms.partnerships.meeting.Meeting.Kind;
import org.cms.partnerships.meeting.MeetingService.MeetingInput;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The meetings of the register: everyone signed in reads them; partnership officers and managers
 * record a new meeting ({@code POST}) or correct one ({@code PUT /api/meetings/{kind}/{number}}).
 */
@RestController
@RequestMapping("/api/meetings")
public class MeetingApi {

    private final MeetingService meetings;

    public MeetingApi(MeetingService meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    public List<Meeting> list(@RequestParam(required = false) Kind kind) {
        return meetings.list(kind);
    }

    @GetMapping("/{kind}/{number}")
    public Meeting one(@PathVariable Kind kind, @PathVariable int number) {
        return meetings.get(kind, number);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS, Groups.MANAGERS}, action = "record a meeting")
    public Meeting create(@RequestBody MeetingInput input) {
        return meetings.create(input);
    }

    @PutMapping("/{kind}/{number}")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS, Groups.MANAGERS}, action = "correct a meeting")
    public Meeting update(@PathVariable Kind kind, @PathVariable int number, @RequestBody MeetingInput input) {
        return meetings.update(kind, number, input);
    }
}
