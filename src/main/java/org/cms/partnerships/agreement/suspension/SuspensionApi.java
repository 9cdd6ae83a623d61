package org.cms.partnerships.agreement.suspension;

import java.net.URI;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    public record Started(String processInstanceId, String businessKey) {
    }

    @PostMapping("/api/agreements/{reference}/suspension")
    public ResponseEntity<Started> request(@PathVariable String reference, @RequestBody SuspensionRequest request) {
        ProcessInstance instance = process.request(reference, request.grounds(), request.reason());
        return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId()))
                .body(new Started(instance.getId(), instance.getBusinessKey()));
    }
}
