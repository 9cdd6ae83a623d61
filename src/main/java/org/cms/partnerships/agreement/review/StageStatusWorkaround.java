package org.cms.partnerships.agreement.review;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.cms.partnerships.engine.StageStatus;
import org.cms.partnerships.engine.StageStatusPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY, until {@link StageStatusPlugin} (foundation) is fixed; then delete this class.
 *
 * <p>Two defects keep {@link StageStatusPlugin} from applying a status declared on a user task,
 * milestone or end event: the engine keeps {@code camunda:properties} ({@link BpmnProperties#EXTENSION_PROPERTIES})
 * only for external service tasks, so it never sees them; and were it to see them, it would look the
 * {@link StageStatus} beans up while the models are deployed, i.e. while the process engine is being
 * built, which those beans need (IdentityService): the application would not start.
 *
 * <p>This applies the declared statuses as the plugin intends (a built-in start listener, so after an
 * async continuation and not skipped by Cockpit), reading the properties itself and looking the
 * registers up when a stage starts. It stands aside on any activity whose properties the engine
 * already exposes, so a fixed plugin and this never both apply a status.
 */
@Component
public class StageStatusWorkaround extends AbstractProcessEnginePlugin {

    private final ObjectProvider<StageStatus> registers;

    public StageStatusWorkaround(ObjectProvider<StageStatus> registers) {
        this.registers = registers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override public void parseUserTask(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseServiceTask(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseSendTask(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseBusinessRuleTask(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseCallActivity(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseSubProcess(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseIntermediateThrowEvent(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseEndEvent(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
        });
    }

    private void declare(ProcessEngineConfigurationImpl configuration, Element element, ActivityImpl activity) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
        if (properties == null || properties.isEmpty() || activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES) != null) {
            return;
        }
        String reasonText = properties.get(StageStatusPlugin.REASON_PROPERTY);
        Expression reason = reasonText == null ? null : configuration.getExpressionManager().createExpression(reasonText);
        ExecutionListener enter = execution -> {
            if (activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES) != null) {
                return; // the foundation plugin sees the properties: it applies the status
            }
            for (StageStatus register : registers.orderedStream().toList()) {
                String status = properties.get(register.property());
                if (status != null) {
                    register.checkStatus(status);
                    register.enter(execution, status, reason == null ? null : String.valueOf(reason.getValue(execution)));
                }
            }
        };
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, enter);
    }
}
