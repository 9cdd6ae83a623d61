package org.cms.partnerships.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password. Without one, the Camunda starter would leave
 * Admin open for the first visitor to create an administrator. Only the demo profile has a default.
 * Runs before any bean is created, so nothing touches the database first.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty(PASSWORD_PROPERTY);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("""
                    No administrator password is configured. Set the environment variable CMS_ADMIN_PASSWORD \
                    (and optionally CMS_ADMIN_USER, default 'admin') before starting outside the demo profile. \
                    The password must satisfy Camunda's password policy (at least 10 characters with upper and \
                    lower case letters, a digit and a special character).""");
        }
    }

    @Override
    public int getOrder() {
        // After Spring Boot has read application.yaml and the profile files.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
