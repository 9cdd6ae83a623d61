package org.cms.partnerships.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies the register status a model declares on a stage (see {@link StageStatus}) when the stage
 * begins, so the diagrams show the business stages and no "Mark as ..." steps. The properties are read
 * from the model when it is deployed (the engine itself keeps {@code camunda:properties} only for
 * external tasks); the registers are looked up when a stage starts, because the models deploy while the
 * engine is being built, before the beans that need the engine exist. Every declared status is checked
 * against its register once the application has started: an unknown one stops the start.
 */
@Component
public class StageStatusPlugin extends AbstractProcessEnginePlugin {

    /** Extension property with the reason kept in the status history; an expression such as {@code ${rejectionReason}}. */
    public static final String REASON_PROPERTY = "statusReason";

    private record Declaration(String activityId, Map<String, String> properties) {
    }

    private final ObjectProvider<StageStatus> registers;
    private final List<Declaration> declarations = new CopyOnWriteArrayList<>();
    private volatile List<StageStatus> resolved;

    public StageStatusPlugin(ObjectProvider<StageStatus> registers) {
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
            @Override public void parseIntermediateCatchEvent(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
            @Override public void parseEndEvent(Element e, ScopeImpl s, ActivityImpl a) { declare(configuration, e, a); }
        });
    }

    private void declare(ProcessEngineConfigurationImpl configuration, Element element, ActivityImpl activity) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
        if (properties == null || properties.isEmpty()) {
            return;
        }
        declarations.add(new Declaration(activity.getId(), properties));
        String reasonText = properties.get(REASON_PROPERTY);
        Expression reason = reasonText == null ? null : configuration.getExpressionManager().createExpression(reasonText);
        ExecutionListener enter = execution -> {
            for (StageStatus register : registers()) {
                String status = properties.get(register.property());
                if (status != null) {
                    register.enter(execution, status, reason == null ? null : String.valueOf(reason.getValue(execution)));
                }
            }
        };
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, enter);
    }

    /** Refuses to start with a model that declares a status its register does not know. */
    @EventListener(ApplicationStartedEvent.class)
    public void checkDeclaredStatuses() {
        for (Declaration declaration : declarations) {
            for (StageStatus register : registers()) {
                String status = declaration.properties().get(register.property());
                if (status != null) {
                    try {
                        register.checkStatus(status);
                    } catch (IllegalArgumentException e) {
                        throw new ProcessEngineException("%s of %s is '%s', which the register does not know"
                                .formatted(register.property(), declaration.activityId(), status), e);
                    }
                }
            }
        }
    }

    private List<StageStatus> registers() {
        List<StageStatus> known = resolved;
        if (known == null) {
            known = registers.orderedStream().toList();
            resolved = known;
        }
        return known;
    }
}
