package org.cms.partnerships.workplan;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.cms.partnerships.engine.StageStatusPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the {@code workPlanStatus} declared on the stages of {@code joint-work-plan} (with its
 * {@code statusReason}) when the stage starts, through {@link WorkPlanStageStatus}.
 *
 * <p>Stop-gap for two problems of {@link StageStatusPlugin} in the foundation: Camunda 7.24 keeps
 * {@code camunda:properties} only for external service tasks, so that plugin never sees a stage's
 * status; and where it did, it would create the {@code StageStatus} beans while the engine is being
 * built (they need engine services: a circular start). This plugin reads the model itself and looks
 * the register up only when a stage starts. Remove it once the foundation's plugin does both; until
 * then both may run, and entering the status a plan already has records nothing.
 */
@Component
class WorkPlanStageStatusPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<WorkPlanStageStatus> register;

    WorkPlanStageStatusPlugin(ObjectProvider<WorkPlanStageStatus> register) {
        this.register = register;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
                if (WorkPlanProcess.KEY.equals(process.getKey())) {
                    declare(configuration, process, processElement);
                }
            }
        });
    }

    private void declare(ProcessEngineConfigurationImpl configuration, ScopeImpl scope, Element processElement) {
        for (ActivityImpl activity : scope.getActivities()) {
            Element element = find(processElement, activity.getId());
            String status = element == null ? null : property(element, WorkPlanStageStatus.PROPERTY);
            if (status != null) {
                try {
                    WorkPlanStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    throw new ProcessEngineException("%s of %s: %s".formatted(WorkPlanStageStatus.PROPERTY, activity.getId(), e.getMessage()), e);
                }
                String reasonText = property(element, StageStatusPlugin.REASON_PROPERTY);
                Expression reason = reasonText == null ? null : configuration.getExpressionManager().createExpression(reasonText);
                ExecutionListener enter = execution -> register.getObject().enter(execution, status,
                        reason == null ? null : String.valueOf(reason.getValue(execution)));
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, enter);
            }
            declare(configuration, activity, processElement);
        }
    }

    private static Element find(Element element, String id) {
        for (Element child : element.elements()) {
            if (id.equals(child.attribute("id"))) {
                return child;
            }
            Element found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties != null) {
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                if (name.equals(property.attribute("name"))) {
                    return property.attribute("value");
                }
            }
        }
        return null;
    }
}
