package org.cms.partnerships.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The register pages ({@code /register/...}) log in through the Camunda webapps: the user logged in to
 * Tasklist or Cockpit in this session is set on the engine for the request, so the engine's
 * authorizations and {@link RegisterReadAccess} apply exactly as on the API. A user who is not logged in
 * goes to the webapps' login page; the cookie {@value #RETURN_COOKIE} tells the webapps' small script
 * ({@code scripts/cms-register-return.js}) to bring them back to the page they asked for.
 */
class RegisterPagesAuthenticationFilter extends OncePerRequestFilter {

    static final String RETURN_COOKIE = "cms-register-return";

    private final IdentityService identity;

    RegisterPagesAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<WebappSessionLogin.User> user = WebappSessionLogin.of(request);
        if (user.isEmpty()) {
            String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            Cookie cookie = new Cookie(RETURN_COOKIE, URLEncoder.encode(back, StandardCharsets.UTF_8));
            cookie.setPath("/");
            cookie.setMaxAge(600);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            response.sendRedirect(WebappSessionLogin.LOGIN_PAGE);
            return;
        }
        identity.setAuthentication(user.get().id(), user.get().groups());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
