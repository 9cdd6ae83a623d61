package org.cms.partnerships.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on in-memory H2 with the demo register, a real HTTP port and no job
 * executor. Every test class with this annotation shares one Spring context, so the suite starts
 * the application once. Process coverage reports land in target/process-test-coverage/. Metrics are
 * exported as in production ({@code /actuator/prometheus}), which Spring Boot's tests leave out by default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@AutoConfigureObservability(tracing = false)
@Import({ProcessCoverageReporting.class, ProcessDriverConfiguration.class})
public @interface CmsIntegrationTest {
}
