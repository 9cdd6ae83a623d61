package org.cms.partnerships.agreement;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Makes the {@code camunda:properties} of every flow node readable as
 * {@link BpmnProperties#EXTENSION_PROPERTIES}, which {@link org.cms.partnerships.engine.StageStatusPlugin}
 * reads. Camunda 7.24 keeps them there only for external tasks, so without this no stage status
 * declared on a user task, call activity or event is ever applied. A pre-parse listener: it runs before
 * the plugin's post-parse listener. Belongs in {@code engine/StageStatusPlugin} (see the redesign report).
 */
@Component
class StageExtensionProperties extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
                keepProperties(processElement, process);
            }
        });
    }

    private static void keepProperties(Element scope, ProcessDefinitionEntity process) {
        for (Element element : scope.elements()) {
            String id = element.attribute("id");
            ActivityImpl activity = id == null ? null : process.findActivity(id);
            if (activity != null && activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES) == null) {
                Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
                if (properties != null && !properties.isEmpty()) {
                    activity.getProperties().set(BpmnProperties.EXTENSION_PROPERTIES, properties);
                }
            }
            if ("subProcess".equals(element.getTagName()) || "transaction".equals(element.getTagName())) {
                keepProperties(element, process);
            }
        }
    }
}
