package org.cms.partnerships.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication for the register API, with the same users and the same Basic parsing as
 * the engine REST API. The authenticated user is set on the engine for the request, so register
 * calls that touch the engine run with that user's authorizations. A read (GET, HEAD) without Basic
 * credentials from a browser logged in to the Camunda webapps uses that login (the Cockpit plugin, the
 * report downloads on the register pages); writes always need Basic, so no other site can make a
 * logged-in browser change the register.
 */
class RegisterApiAuthenticationFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    RegisterApiAuthenticationFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdentityService identity = engine.getIdentityService();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Optional<WebappSessionLogin.User> session = read && request.getHeader("Authorization") == null
                ? WebappSessionLogin.of(request) : Optional.empty();
        if (session.isPresent()) {
            identity.setAuthentication(session.get().id(), session.get().groups());
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
            return;
        }
        AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated()) {
            basic.augmentResponseByAuthenticationChallenge(response, engine);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":401,\"detail\":\"Authentication required: HTTP Basic with a Camunda user\"}");
            return;
        }
        List<String> groups = identity.createGroupQuery().groupMember(result.getAuthenticatedUser()).list().stream()
                .map(Group::getId).toList();
        identity.setAuthentication(result.getAuthenticatedUser(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
