package org.cms.partnerships.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The history the engine writes (README "Performance at scale", "What the history keeps"): Camunda's full
 * history less the two kinds of rows that no screen of the application reads, neither Cockpit CE, Tasklist,
 * the register pages nor the application's own history queries:
 * <ul>
 *   <li>{@code ACT_HI_DETAIL}: a row per variable change and per submitted form field (REST
 *       {@code /history/detail}; Cockpit Enterprise's variable log). The value each variable ends with stays in
 *       {@code ACT_HI_VARINST}, which the register pages and {@code EngineWork} read.</li>
 *   <li>{@code ACT_HI_IDENTITYLINK}: a row each time a candidate group is added to or removed from a task (REST
 *       {@code /history/identity-link-log}). The runtime grants (Tasklist, authorization) are untouched, and who
 *       claimed, assigned or completed a task stays in the user operation log (Tasklist's History tab).</li>
 * </ul>
 * Process, activity, task, variable, decision, incident, job and user-operation history are written as
 * Camunda writes them at level full, so Cockpit CE, Tasklist and history cleanup see what they always saw.
 * {@code cms.history.variable-details=true} and {@code cms.history.identity-links=true} bring either back.
 * The history level stays full (the databases keep level 3); only the database handler leaves these rows out.
 */
@Component
public class KeptHistoryPlugin extends AbstractProcessEnginePlugin {

    private final boolean variableDetails;
    private final boolean identityLinks;

    public KeptHistoryPlugin(@Value("${cms.history.variable-details:false}") boolean variableDetails,
                             @Value("${cms.history.identity-links:false}") boolean identityLinks) {
        this.variableDetails = variableDetails;
        this.identityLinks = identityLinks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Instead of Camunda's own database handler, not beside it; other custom handlers stay.
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new KeptHistory(variableDetails, identityLinks));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Camunda's database handler, writing neither variable details nor identity link history unless asked. */
    static final class KeptHistory extends DbHistoryEventHandler {

        private final boolean variableDetails;
        private final boolean identityLinks;

        KeptHistory(boolean variableDetails, boolean identityLinks) {
            this.variableDetails = variableDetails;
            this.identityLinks = identityLinks;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!identityLinks && event instanceof HistoricIdentityLinkLogEventEntity) {
                return;
            }
            if (!variableDetails && event instanceof HistoricFormPropertyEventEntity) {
                return;
            }
            super.handleEvent(event);
        }

        /** The variable's own history row ({@code ACT_HI_VARINST}) is still written; only the per-change detail is not. */
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return variableDetails && super.shouldWriteHistoricDetail(event);
        }
    }
}
