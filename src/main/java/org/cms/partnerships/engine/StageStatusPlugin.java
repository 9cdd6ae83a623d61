package org.cms.partnerships.engine;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the register status a model declares on a stage (see {@link StageStatus}) when the stage
 * begins, so the diagrams show the business stages and no "Mark as ..." steps. Properties are read
 * once, when a model is deployed; an unknown status fails the deployment.
 */
@Component
public class StageStatusPlugin extends AbstractProcessEnginePlugin {

    /** Extension property with the reason kept in the status history; an expression such as {@code ${rejectionReason}}. */
    public static final String REASON_PROPERTY = "statusReason";

    private final ObjectProvider<StageStatus> registers;

    public StageStatusPlugin(ObjectProvider<StageStatus> registers) {
        this.registers = registers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
                declareStatuses(configuration, process);
            }
        });
    }

    private void declareStatuses(ProcessEngineConfigurationImpl configuration, ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            Map<String, String> properties = activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES);
            if (properties != null) {
                for (StageStatus register : registers.orderedStream().toList()) {
                    String status = properties.get(register.property());
                    if (status != null) {
                        declare(configuration, activity, register, status, properties.get(REASON_PROPERTY));
                    }
                }
            }
            declareStatuses(configuration, activity);
        }
    }

    private static void declare(ProcessEngineConfigurationImpl configuration, ActivityImpl activity, StageStatus register,
            String status, String reasonText) {
        try {
            register.checkStatus(status);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("%s of %s: %s".formatted(register.property(), activity.getId(), e.getMessage()), e);
        }
        Expression reason = reasonText == null ? null : configuration.getExpressionManager().createExpression(reasonText);
        ExecutionListener enter = execution -> register.enter(execution, status,
                reason == null ? null : String.valueOf(reason.getValue(execution)));
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, enter);
    }

}
