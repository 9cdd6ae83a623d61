package org.cms.partnerships.agreement;

import java.net.URI;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proposals, withdrawals and partner decisions over REST; same checks as in Tasklist. */
@RestController
@RequestMapping("/api/agreements")
public class AgreementApi {

    private final AgreementLifecycle lifecycle;
    private final RuntimeService runtime;

    public AgreementApi(AgreementLifecycle lifecycle, RuntimeService runtime) {
        this.lifecycle = lifecycle;
        this.runtime = runtime;
    }

    /** The new reference, and the id of the process instance (null once it has ended) for Cockpit. */
    public record Proposed(String reference, String processInstanceId) {
    }

    public record Withdrawal(String reason) {
    }

    public record PartnerDecision(String decision, String reason, String date) {
    }

    /** 201 with the new reference; 400 with every problem when the proposal cannot stand. */
    @PostMapping
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "propose an agreement")
    public ResponseEntity<Proposed> propose(@RequestBody Map<String, Object> proposal) {
        String reference = lifecycle.propose(proposal);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
                .processInstanceBusinessKey(reference).singleResult();
        return ResponseEntity.created(URI.create("/api/agreements/" + reference))
                .body(new Proposed(reference, instance == null ? null : instance.getId()));
    }

    /** 204; 409 once signed (or when no proposal process runs). */
    @PostMapping("/{reference}/withdrawal")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "withdraw a proposal")
    public ResponseEntity<Void> withdraw(@PathVariable String reference, @RequestBody Withdrawal withdrawal) {
        lifecycle.withdraw(reference, withdrawal.reason());
        return ResponseEntity.noContent().build();
    }

    /** 204; 409 when the agreement is not waiting for the partner. */
    @PostMapping("/{reference}/partner-decision")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "record a partner's decision")
    public ResponseEntity<Void> partnerDecision(@PathVariable String reference, @RequestBody PartnerDecision decision) {
        lifecycle.partnerDecided(reference, decision.decision(), decision.reason(), decision.date());
        return ResponseEntity.noContent().build();
    }
}
