package org.cms.partnerships.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts both REST APIs behind HTTP Basic authentication against the engine's users, so that the
 * engine's authorizations apply to every call. The starter leaves /engine-rest open by default.
 * The webapps (Tasklist, Cockpit, Admin) keep their own session login, which the register pages
 * ({@code /register}) share.
 */
@Configuration
public class RestApiSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> registerApiAuthentication(ProcessEngine processEngine) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new RegisterApiAuthenticationFilter(processEngine));
        registration.setName("register-api-authentication");
        registration.addUrlPatterns("/api/*", "/notifications");
        return registration;
    }

    /** The register pages: the webapps' session login (one login with Tasklist and Cockpit). */
    @Bean
    FilterRegistrationBean<Filter> registerPagesAuthentication(ProcessEngine processEngine) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new RegisterPagesAuthenticationFilter(processEngine.getIdentityService()));
        registration.setName("register-pages-authentication");
        registration.addUrlPatterns("/register/*", "/register");
        return registration;
    }
}
