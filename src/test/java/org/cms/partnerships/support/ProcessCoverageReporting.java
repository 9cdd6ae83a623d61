package org.cms.partnerships.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;

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
}
