package org.cms.partnerships.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A job a manager retries after an incident (Cockpit's <i>Retry</i>, or {@code PUT /job/{id}/retries})
 * runs at once, not at the due date of its last failed attempt: giving the job its retries back resolves
 * its incident, and this handler makes the job due now while doing so. Without it, an e-mail job whose
 * server came back waited up to the retry interval (5 minutes) after the manager clicked Retry.
 */
@Component
public class RetryAtOncePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DueAtOnceWhenResolved());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** Camunda's own failed-job handling, plus: a resolved failed job is due now. */
    static final class DueAtOnceWhenResolved extends DefaultIncidentHandler {

        DueAtOnceWhenResolved() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            super.resolveIncident(context);
            JobEntity job = context.getConfiguration() == null ? null
                    : Context.getCommandContext().getJobManager().findJobById(context.getConfiguration());
            if (job != null && job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                job.setDuedate(ClockUtil.getCurrentTime());
            }
        }
    }
}
