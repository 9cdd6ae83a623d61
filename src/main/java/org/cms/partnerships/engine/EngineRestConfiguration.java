package org.cms.partnerships.engine;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API as the starter builds it, plus our refusals (see {@link RefusalMapper}): a start
 * or form submission our checks refused answers 400 with the problems, a lost race 409. Registered here
 * explicitly as well as by {@link RefusalMapping}, so the REST API keeps it even where Jersey's
 * auto-discovery is switched off.
 */
@Configuration
public class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(RefusalMapper.ForRestException.class);
                register(RefusalMapper.ForEngineException.class);
                register(RefusalMapper.ForAnyException.class);
            }
        };
    }
}
