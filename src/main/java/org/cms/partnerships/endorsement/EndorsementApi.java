package org.cms.partnerships.endorsement;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    public EndorsementApi(EndorsementService endorsements, EndorsementObjections objections) {
        this.endorsements = endorsements;
        this.objections = objections;
    }

    public record ObjectionRequest(String memberName, String reason) {
    }

    public record EndorsementDetail(Endorsement endorsement, List<Objection> objections) {
    }

    @GetMapping("/{id}")
    public EndorsementDetail get(@PathVariable long id) {
        return new EndorsementDetail(endorsements.get(id), endorsements.objections(id));
    }

    @GetMapping
    public List<Endorsement> forSubject(@RequestParam String subject) {
        return endorsements.forSubject(subject);
    }

    /**
     * Thin over the facade {@link EndorsementObjections}: 202 when the objection reached the open procedure (the proposal goes to the next meeting);
     * 409 when it came after the deadline: kept in the register as late, not acted upon.
     */
    @PostMapping("/{id}/objections")
    public ResponseEntity<?> object(@PathVariable long id, @RequestBody ObjectionRequest request) {
        EndorsementObjections.Receipt receipt = objections.receive(id, request.memberName(), request.reason());
        if (!receipt.late()) {
            return ResponseEntity.accepted().body(endorsements.get(id));
        }
        ProblemDetail late = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The objection deadline of endorsement %d has passed: the objection is recorded as late and not acted upon"
                        .formatted(id));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(late);
    }
}
