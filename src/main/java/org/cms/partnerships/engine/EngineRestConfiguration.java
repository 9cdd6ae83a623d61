package org.cms.partnerships.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API as the starter builds it, plus one mapping: when a start or a form submission
 * fails because our validation refused the input, answer 400 with the problems instead of the
 * generic 500 "Cannot instantiate process definition". Tasklist shows the message either way.
 */
@Configuration
public class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(InvalidInputMapper.class);
            }
        };
    }

    @Priority(1)
    public static class InvalidInputMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler fallback = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Throwable cause = exception.getCause();
            while (cause != null && !(cause instanceof InvalidInputException) && !(cause instanceof ConflictException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ConflictException conflict) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "ConflictException", "message", conflict.getMessage())).build();
            }
            if (cause instanceof InvalidInputException invalid) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "InvalidInputException", "message", invalid.getMessage(),
                                "problems", invalid.problems()))
                        .build();
            }
            return fallback.toResponse(exception);
        }
    }
}
