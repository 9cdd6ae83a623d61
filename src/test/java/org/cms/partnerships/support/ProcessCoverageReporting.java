package org.cms.partnerships.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Settings for the coverage starter, which instruments the engine by itself: HTML and JSON reports
 * per test class under target/process-test-coverage/. Every integration test class takes part (an
 * instrumented engine refuses to run a process outside a coverage run); classes that start no
 * process just log that they have nothing to report.
 * Deliberately not a @Configuration: component scanning must not pull it into an application the
 * tests start themselves (the PostgreSQL test), only {@link CmsIntegrationTest} imports it.
 */
public class ProcessCoverageReporting {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder().build();
    }

    /**
     * Processes the application starts while it starts (the demo loader brings historic records under
     * process control) run before any test class has set up its coverage run: they are collected in a
     * run of their own, not reported. The first test class replaces it with its own.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner startupCoverageRun(ProcessEngine engine) {
        return args -> {
            DefaultCollector startup = new DefaultCollector(new ExecutionContextModelProvider());
            startup.createSuite(new Suite("application-start-up", "Application start-up"));
            startup.activateSuite("application-start-up");
            startup.createRun(new Run("application-start-up", "Application start-up"), "application-start-up");
            startup.activateRun("application-start-up");
            new ProcessEngineAdapter(engine, startup).initializeListeners();
        };
    }
}
