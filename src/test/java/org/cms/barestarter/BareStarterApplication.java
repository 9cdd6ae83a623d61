package org.cms.barestarter;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick of {@code PostgresScaleBenchmark}: a Spring Boot application with the Camunda starter
 * and nothing of ours (no beans, no plugins, no models). It lives outside {@code org.cms.partnerships}
 * so that the application's component scan never picks it up, and the benchmark starts it with
 * {@code spring.config.name=bare-starter} so that it reads none of the application's configuration:
 * Camunda's defaults (history level full) on the database the benchmark gives it.
 */
@SpringBootApplication
public class BareStarterApplication {
}
