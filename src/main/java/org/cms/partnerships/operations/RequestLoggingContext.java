package org.cms.partnerships.operations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.cms.partnerships.common.References;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Log lines written while a register call about one record runs carry its reference, under the same
 * MDC key as the engine's ({@code businessKey}, application.yaml {@code logging-context-business-key}),
 * so that {@code grep CMS-WCS-2007} finds what the API and the processes did about it.
 */
@Configuration
class RequestLoggingContext implements WebMvcConfigurer {

    static final String BUSINESS_KEY = "businessKey";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                if (variables instanceof Map<?, ?> map && map.get("reference") instanceof String reference) {
                    MDC.put(BUSINESS_KEY, References.normalised(reference));
                }
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception ex) {
                MDC.remove(BUSINESS_KEY);
            }
        }).addPathPatterns("/api/**");
    }
}
