package org.cms.partnerships.operations;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Open incidents (a job out of retries: an e-mail the server refused five times, a failed step): the
 * application still works, but a manager has something to retry in Cockpit. Reported as {@code WARN},
 * which the health endpoint answers with 200 (application.yaml), so a load balancer does not take a
 * node out for it.
 */
@Component("incidents")
class IncidentsHealthIndicator extends AbstractHealthIndicator {

    static final Status WARN = new Status("WARN", "Open incidents: retry them in Cockpit once the cause is fixed");

    private final RuntimeService runtime;

    IncidentsHealthIndicator(RuntimeService runtime) {
        super("Cannot count incidents");
        this.runtime = runtime;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long open = runtime.createIncidentQuery().count();
        (open == 0 ? builder.up() : builder.status(WARN)).withDetail("open", open);
    }
}
