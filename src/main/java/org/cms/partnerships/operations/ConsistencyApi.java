package org.cms.partnerships.operations;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The consistency check on demand, for managers (and administrators): what disagrees now, and what did at start. */
@RestController
public class ConsistencyApi {

    private final ConsistencyCheck check;
    private final IdentityService identity;

    ConsistencyApi(ConsistencyCheck check, IdentityService identity) {
        this.check = check;
        this.identity = identity;
    }

    public record Answer(ConsistencyCheck.Report now, ConsistencyCheck.Report atStart) {
    }

    @GetMapping("/api/consistency")
    public Answer consistency() {
        Authentication current = identity.getCurrentAuthentication();
        boolean manager = current != null && current.getGroupIds() != null
                && (current.getGroupIds().contains(Groups.MANAGERS) || current.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
        if (!manager) {
            throw new AuthorizationException("The consistency check is for managers");
        }
        return new Answer(check.run(), check.atStart());
    }
}
