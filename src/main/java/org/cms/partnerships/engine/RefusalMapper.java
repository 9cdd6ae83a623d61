package org.cms.partnerships.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;

/**
 * Refusals read the same on every engine API: a form or start our checks refused answers 400 with the
 * sentence alone ({@code {"type": "InvalidInputException", "message": "Say which changes are required",
 * "problems": [...]}}), a lost race 409, instead of Camunda's 500 "Cannot submit task form 3f2a...:
 * ENGINE-03051 There was an exception while invoking the TaskListener...". Tasklist shows the message
 * in the form. Registered in every Jersey application by {@link RefusalMapping}: the engine REST API
 * under {@code /engine-rest} and the webapps' own engine API under {@code /camunda/api/engine}, which is
 * what Tasklist calls. Anything else goes to Camunda's own handlers unchanged.
 */
public final class RefusalMapper {

    private RefusalMapper() {
    }

    static Optional<Response> refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return Optional.of(json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidInputException",
                        "message", invalid.getMessage(), "problems", invalid.problems())));
            }
            if (cause instanceof AuthorizationException refused && cause != thrown) {
                // A listener's refusal of the user (only a secretariat answers its consultation), wrapped by the engine.
                return Optional.of(json(Response.Status.FORBIDDEN,
                        Map.of("type", "AuthorizationException", "message", refused.getMessage())));
            }
            if (cause instanceof ConflictException conflict) {
                return Optional.of(json(Response.Status.CONFLICT,
                        Map.of("type", "ConflictException", "message", conflict.getMessage())));
            }
        }
        return Optional.empty();
    }

    private static Response json(Response.Status status, Map<String, Object> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** What the REST resources throw after catching an engine exception ("Cannot submit task form ..."). */
    @Priority(1)
    public static class ForRestException implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }

    /** Engine exceptions that reach the API unwrapped (a task listener's refusal on complete). */
    @Priority(1)
    public static class ForEngineException implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }
}
