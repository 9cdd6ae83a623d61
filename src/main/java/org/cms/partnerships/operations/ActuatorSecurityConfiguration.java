package org.cms.partnerships.operations;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.cms.partnerships.security.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health and metrics ({@code /actuator/*}) are for managers: HTTP Basic against the engine's users, as
 * for {@code /api}, and membership of {@code managers} (or {@code camunda-admin}); anyone else signed in
 * gets 403. The plain liveness probe a load balancer or container runtime calls is {@code /livez}
 * (and readiness {@code /readyz}), outside {@code /actuator}, open and saying nothing but UP or DOWN.
 */
@Configuration
public class ActuatorSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> actuatorManagersOnly(ProcessEngine processEngine) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ManagersOnly(processEngine));
        registration.setName("actuator-managers-only");
        registration.addUrlPatterns("/actuator", "/actuator/*");
        return registration;
    }

    static final class ManagersOnly extends OncePerRequestFilter {

        private static final List<String> ALLOWED = List.of(Groups.MANAGERS, Groups.CAMUNDA_ADMIN);

        private final ProcessEngine engine;
        private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

        ManagersOnly(ProcessEngine engine) {
            this.engine = engine;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
            if (!result.isAuthenticated()) {
                basic.augmentResponseByAuthenticationChallenge(response, engine);
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required: HTTP Basic with a Camunda user");
                return;
            }
            boolean manager = engine.getIdentityService().createGroupQuery().groupMember(result.getAuthenticatedUser())
                    .list().stream().map(Group::getId).anyMatch(ALLOWED::contains);
            if (!manager) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "Health and metrics are for managers");
                return;
            }
            chain.doFilter(request, response);
        }

        private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":%d,\"detail\":\"%s\"}".formatted(status, detail));
        }
    }
}
