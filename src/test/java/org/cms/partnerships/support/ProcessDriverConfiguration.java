package org.cms.partnerships.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.AgreementService;
import org.springframework.context.annotation.Bean;

/** Makes {@link ProcessDriver} injectable in every {@link CmsIntegrationTest}; not a @Configuration, so the PostgreSQL test's own application leaves it out. */
public class ProcessDriverConfiguration {

    @Bean
    ProcessDriver processDriver(ProcessEngine engine, NotificationLog notifications, AgreementService agreements) {
        return new ProcessDriver(engine, notifications, agreements);
    }
}
