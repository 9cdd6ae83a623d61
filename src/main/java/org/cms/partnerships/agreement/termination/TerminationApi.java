package org.cms.partnerships.agreement.termination;

import java.net.URI;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Proposes a termination over REST, with the same checks as in Tasklist. */
@RestController
public class TerminationApi {

    private final TerminationProcess termination;

    public TerminationApi(TerminationProcess termination) {
        this.termination = termination;
    }

    public record TerminationRequest(String grounds, String reason, String effectiveOn) {
    }

    public record Started(String businessKey) {
    }

    /** 201 with the business key; 400 with every problem; 409 when a termination of the agreement is under way. */
    @PostMapping("/api/agreements/{reference}/termination")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "propose the termination of an agreement")
    public ResponseEntity<Started> terminate(@PathVariable String reference, @RequestBody TerminationRequest request) {
        String businessKey = termination.propose(reference, request.grounds(), request.reason(), request.effectiveOn());
        return ResponseEntity.created(URI.create("/api/agreements/" + reference.toUpperCase())).body(new Started(businessKey));
    }
}
