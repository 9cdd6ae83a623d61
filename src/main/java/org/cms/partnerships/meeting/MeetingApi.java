package org.cms.partnerships.meeting;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.meeting.Meeting.Kind;
import org.cms.partnerships.meeting.MeetingService.MeetingInput;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * The meetings of the register: everyone signed in reads them; partnership officers and managers
 * record a new meeting ({@code POST}) or correct one ({@code PUT /api/meetings/{kind}/{number}}).
 */
@RestController
@RequestMapping("/api/meetings")
public class MeetingApi {

    private final MeetingService meetings;
    private final IdentityService identity;

    public MeetingApi(MeetingService meetings, IdentityService identity) {
        this.meetings = meetings;
        this.identity = identity;
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
    public Meeting create(@RequestBody MeetingInput input) {
        requireOfficerOrManager();
        return meetings.create(input);
    }

    @PutMapping("/{kind}/{number}")
    public Meeting update(@PathVariable Kind kind, @PathVariable int number, @RequestBody MeetingInput input) {
        requireOfficerOrManager();
        return meetings.update(kind, number, input);
    }

    private void requireOfficerOrManager() {
        Authentication current = identity.getCurrentAuthentication();
        List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
        if (!(groups.contains(Groups.PARTNERSHIP_OFFICERS) || groups.contains(Groups.MANAGERS)
                || groups.contains(Groups.CAMUNDA_ADMIN))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only partnership officers and managers record meetings");
        }
    }
}
