package org.cms.partnerships.agreement.suspension;

import java.net.URI;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts a suspension request over REST, with the same checks as the Tasklist start form. */
@RestController
public class SuspensionApi {

    private final SuspensionProcess process;

    public SuspensionApi(SuspensionProcess process) {
        this.process = process;
    }

    public record SuspensionRequest(String grounds, String reason) {
    }

    public record Started(String businessKey) {
    }

    /** 201 with the business key; 400 with every problem; 409 when a suspension of the agreement is under way. */
    @PostMapping("/api/agreements/{reference}/suspension")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "request the suspension of an agreement")
    public ResponseEntity<Started> request(@PathVariable String reference, @RequestBody SuspensionRequest request) {
        String businessKey = process.requestSuspension(reference, request.grounds(), request.reason());
        return ResponseEntity.created(URI.create("/api/agreements/" + businessKey)).body(new Started(businessKey));
    }
}
