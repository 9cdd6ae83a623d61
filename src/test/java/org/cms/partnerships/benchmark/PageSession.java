package org.cms.partnerships.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.cms.partnerships.security.WebappSessionLogin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A browser's session with the register pages in the benchmark. The pages log in through the Camunda
 * webapps (RegisterPagesAuthenticationFilter reads their login from the HTTP session), but the benchmark
 * runs without the webapps (they keep static state per JVM, and the application starts twice). So the
 * benchmark's application gets one extra endpoint, {@value #LOGIN_PATH}, that checks the password with the
 * engine and writes into the session exactly what the webapps' login writes (user, groups, tenants, apps,
 * under the engine name the pages read); from then on the client is a browser with a session cookie.
 * Registered only on the benchmark's application context (not a component, so no test scan finds it).
 */
final class PageSession {

    static final String LOGIN_PATH = "/benchmark/webapp-login";

    /** The login endpoint, added to the application the benchmark starts. */
    static final ApplicationContextInitializer<GenericApplicationContext> LOGIN = context -> context.registerBean(
            "benchmarkWebappLogin", FilterRegistrationBean.class, () -> {
                FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                        (Filter) (request, response, chain) -> login(context.getBean(ProcessEngine.class),
                                (HttpServletRequest) request, (HttpServletResponse) response));
                registration.addUrlPatterns(LOGIN_PATH);
                return registration;
            });

    private static void login(ProcessEngine engine, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        if (user == null || !engine.getIdentityService().checkPassword(user, request.getParameter("password"))) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        UserAuthentication authentication = new UserAuthentication(user, WebappSessionLogin.ENGINE);
        authentication.setGroupIds(AuthenticationUtil.getGroupsOfUser(engine, user));
        authentication.setTenantIds(AuthenticationUtil.getTenantsOfUser(engine, user));
        authentication.setAuthorizedApps(Set.of("tasklist", "cockpit"));
        Authentications authentications = new Authentications();
        authentications.addOrReplace(authentication);
        AuthenticationUtil.updateSession(request.getSession(true), authentications);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    final String user;

    private PageSession(String base, String user) {
        this.base = base;
        this.user = user;
    }

    /** Logs {@code user} in (password = user id, as in the demo) and keeps the session cookie. */
    static PageSession login(String base, String user) {
        PageSession session = new PageSession(base, user);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base + LOGIN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as("login of " + user).isEqualTo(204);
        return session;
    }

    /** GETs a page with the session, as the browser does: 200 expected (a redirect to the login would fail). */
    String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8").GET());
        assertThat(response.statusCode()).as(user + " GET " + path).isEqualTo(200);
        return response.body();
    }

    /** GETs a path expecting {@code status} (e.g. 403 for a Family secretariat and the COP facts). */
    int status(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
