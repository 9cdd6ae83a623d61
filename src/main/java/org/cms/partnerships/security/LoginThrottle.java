package org.cms.partnerships.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down whoever guesses passwords, not the account they guess at (issue 14). Camunda delays a user's next
 * login after each wrong password, for everyone: one wrong attempt every 30 s kept the administrator out. Its
 * per-user delay and lock are switched off ({@code login-delay-base: 0}, {@code login-max-attempts} unbounded in
 * {@code application.yaml}); instead, this filter counts failed sign-ins (the webapps' login and HTTP Basic on
 * {@code /api} and {@code /engine-rest}) per client address:
 * <ul>
 *   <li>per address and user name: after {@code cms.login.free-failures} (3) wrong passwords, each further
 *       attempt from that address waits 1 s, 2 s, 4 s ... up to {@code cms.login.max-delay} (5 minutes) and is
 *       refused with 429 and {@code Retry-After} until then; a correct sign-in clears the count;</li>
 *   <li>per address, whatever the user name: after {@code cms.login.free-failures-per-address} (20) wrong passwords
 *       the same, so that trying many names does not help.</li>
 * </ul>
 * The account owner signing in from elsewhere is never slowed. Behind a reverse proxy the client address is the one
 * the proxy forwards ({@code server.forward-headers-strategy: native}; only proxies on internal networks are
 * believed). Counts are kept in memory per node and forgotten after the longest delay.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String LOGIN_PATH = "/camunda/api/admin/auth/user/";

    private final int freeFailures;
    private final int freeFailuresPerAddress;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil = Instant.MIN;
    }

    LoginThrottle(int freeFailures, int freeFailuresPerAddress, Duration maxDelay, Clock clock) {
        this.freeFailures = freeFailures;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    @Configuration
    public static class Registration {
        @Bean
        LoginThrottle loginThrottle(@Value("${cms.login.free-failures:3}") int freeFailures,
                                    @Value("${cms.login.free-failures-per-address:20}") int perAddress,
                                    @Value("${cms.login.max-delay:PT5M}") Duration maxDelay) {
            return new LoginThrottle(freeFailures, perAddress, maxDelay, Clock.systemUTC());
        }

        @Bean
        FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
            FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
            registration.setName("login-throttle");
            registration.addUrlPatterns("/api/*", "/notifications", "/engine-rest/*", LOGIN_PATH + "*");
            // Around the authentication filters, so that it sees their 401.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = signingInAs(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        String byUser = address + "|" + user.toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        Duration wait = longest(waitFor(byUser, now), waitFor(address, now));
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(("{\"status\":429,\"type\":\"TooManyRequests\",\"message\":\"Too many failed sign-ins "
                    + "from this address; try again in %d seconds\",\"detail\":\"Too many failed sign-ins from this address; "
                    + "try again in %d seconds\"}").formatted(seconds, seconds));
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            failed(byUser, freeFailures, now);
            if (failed(address, freeFailuresPerAddress, now) == freeFailuresPerAddress + 1) {
                log.warn("Failed sign-ins from {} are being slowed down (last tried: {})", address, user);
            }
        } else if (status < 400 || status == HttpServletResponse.SC_FORBIDDEN) {
            // The password was right (403: right password, no access to that app).
            failures.remove(byUser);
        }
    }

    /** Forgets every count (tests). */
    public void forgetAll() {
        failures.clear();
    }

    private Duration waitFor(String key, Instant now) {
        Failures known = failures.get(key);
        if (known == null) {
            return Duration.ZERO;
        }
        synchronized (known) {
            if (known.last.plus(maxDelay.multipliedBy(2)).isBefore(now)) {
                failures.remove(key, known);
                return Duration.ZERO;
            }
            return known.blockedUntil.isAfter(now) ? Duration.between(now, known.blockedUntil) : Duration.ZERO;
        }
    }

    private int failed(String key, int free, Instant now) {
        Failures known = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (known) {
            known.count++;
            known.last = now;
            if (known.count > free) {
                int over = Math.min(known.count - free - 1, 20);
                Duration delay = Duration.ofSeconds(1L << over);
                known.blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return known.count;
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The user name a request signs in with (HTTP Basic or the webapps' login form), or null. */
    private static String signingInAs(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if ("POST".equals(request.getMethod()) && request.getRequestURI().contains(LOGIN_PATH)
                && request.getRequestURI().contains("/login/")) {
            String user = request.getParameter("username");
            return user == null ? "" : user;
        }
        return null;
    }
}
