package org.cms.partnerships.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The write side of the register API by group: checks {@link AllowedTo} on every POST, PUT, PATCH and
 * DELETE under {@code /api} before the endpoint runs, so a refused call reads nothing and writes
 * nothing, and a refused caller learns nothing about the record (403 before any 404). Reads are ruled
 * by {@link RegisterReadAccess}; the engine's own grants still apply inside the calls that start or
 * move processes.
 */
@Configuration
public class WriteGrants implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    public WriteGrants(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (READS.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        AllowedTo allowed = method.getMethodAnnotation(AllowedTo.class);
        Authentication current = identity.getCurrentAuthentication();
        List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
        if (allowed != null && (groups.contains(Groups.CAMUNDA_ADMIN)
                || Arrays.stream(allowed.groups()).anyMatch(groups::contains))) {
            return true;
        }
        String detail = allowed == null ? "This call is not open to anyone"
                : "Only %s may %s".formatted(names(allowed.groups()), allowed.action());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Forbidden");
        problem.put("status", HttpStatus.FORBIDDEN.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
        return false;
    }

    /** "partnership officers and managers", as a sentence says it. */
    static String names(String[] groups) {
        List<String> names = Arrays.stream(groups).map(g -> Groups.displayName(g).toLowerCase(java.util.Locale.ROOT)
                .replace("executive secretary", "the Executive Secretary")
                .replace("cms family", "CMS Family")).toList();
        return names.size() == 1 ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + names.get(names.size() - 1);
    }
}
