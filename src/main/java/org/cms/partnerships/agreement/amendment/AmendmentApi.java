package org.cms.partnerships.agreement.amendment;

import java.net.URI;
import java.util.List;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.security.RegisterReadAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Amendments over REST: propose one (same checks as in Tasklist), list them with their history. */
@RestController
public class AmendmentApi {

    private final AmendmentProcess process;
    private final AmendmentService amendments;
    private final RegisterReadAccess access;

    public AmendmentApi(AmendmentProcess process, AmendmentService amendments, RegisterReadAccess access) {
        this.process = process;
        this.amendments = amendments;
        this.access = access;
    }

    public record AmendmentRequest(String type, String description, String newScope, String newExpiresOn) {
    }

    public record Started(String amendmentReference) {
    }

    /** 201 with the amendment's reference; 400 with every problem; 409 while another amendment is open. */
    @PostMapping("/api/agreements/{reference}/amendments")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "propose an amendment")
    public ResponseEntity<Started> propose(@PathVariable String reference, @RequestBody AmendmentRequest request) {
        String amendment = process.propose(reference, request.type(), request.description(), request.newScope(),
                request.newExpiresOn());
        return ResponseEntity.created(URI.create("/api/agreements/" + reference + "/amendments"))
                .body(new Started(amendment));
    }

    @GetMapping("/api/agreements/{reference}/amendments")
    public List<Amendment> list(@PathVariable String reference) {
        access.requireReadable(reference);
        return amendments.of(reference);
    }
}
