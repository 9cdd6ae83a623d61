package org.cms.partnerships.endorsement;

import java.util.List;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endorsements in the register, and objections to written procedures. */
@RestController
@RequestMapping("/api/endorsements")
public class EndorsementApi {

    private final EndorsementService endorsements;
    private final EndorsementObjections objections;
    private final RegisterReadAccess access;

    public EndorsementApi(EndorsementService endorsements, EndorsementObjections objections, RegisterReadAccess access) {
        this.endorsements = endorsements;
        this.objections = objections;
        this.access = access;
    }

    public record ObjectionRequest(String memberName, String reason) {
    }

    public record EndorsementDetail(Endorsement endorsement, List<Objection> objections) {
    }

    @GetMapping("/{id}")
    public EndorsementDetail get(@PathVariable long id) {
        return new EndorsementDetail(access.endorsement(endorsements.get(id)), endorsements.objections(id));
    }

    @GetMapping
    public List<Endorsement> forSubject(@RequestParam String subject) {
        return access.endorsements(endorsements.forSubject(subject));
    }

    /**
     * Thin over the facade {@link EndorsementObjections}: 202 when the objection reached the open procedure (the
     * proposal goes to the next meeting); 409 when it came after the deadline or the decision: nothing is written.
     */
    @PostMapping("/{id}/objections")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "record an objection to a written procedure")
    public ResponseEntity<Endorsement> object(@PathVariable long id, @RequestBody ObjectionRequest request) {
        objections.receive(id, request.memberName(), request.reason());
        return ResponseEntity.accepted().body(endorsements.get(id));
    }
}
