package org.cms.partnerships.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.LostRace;
import org.cms.partnerships.common.NotFoundException;

/**
 * Refusals read the same on every engine API: a form or start our checks refused answers 400 with the
 * sentence alone ({@code {"type": "InvalidInputException", "message": "Say which changes are required",
 * "problems": [...]}}), a lost race 409, instead of Camunda's 500 "Cannot submit task form 3f2a...:
 * ENGINE-03051 There was an exception while invoking the TaskListener...". Tasklist shows the message
 * in the form. A request that lost a race to another (optimistic locking, a task completed meanwhile)
 * answers 409 or 404 with a plain sentence ({@link LostRace}). Registered in every Jersey application by {@link RefusalMapping}: the engine REST API
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
        // A lost race (two completions of one task, two nodes on one instance): 409 or 404, not 500.
        return LostRace.refusalFor(thrown).map(lost -> lost instanceof NotFoundException
                ? json(Response.Status.NOT_FOUND, Map.of("type", "NotFoundException", "message", lost.getMessage()))
                : json(Response.Status.CONFLICT, Map.of("type", "ConflictException", "message", lost.getMessage())));
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
            return refusal(exception).orElseGet(() -> plain(camunda.toResponse(exception), exception));
        }
    }

    /** Engine exceptions that reach the API unwrapped (a task listener's refusal on complete). */
    @Priority(1)
    public static class ForEngineException implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception).or(() -> taskGone(exception))
                    .orElseGet(() -> plain(camunda.toResponse(exception), exception));
        }
    }

    /**
     * A loser of a race on a task that read the task before the winner's commit and its grant after it:
     * the engine's per-task grant left with the task, so the engine says 403. The task is gone: 404,
     * as for any caller who completes a task completed meanwhile.
     */
    static Optional<Response> taskGone(ProcessEngineException exception) {
        if (!(exception instanceof AuthorizationException denied) || denied.getMissingAuthorizations() == null) {
            return Optional.empty();
        }
        List<String> taskIds = denied.getMissingAuthorizations().stream()
                .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
                .map(MissingAuthorization::getResourceId).filter(java.util.Objects::nonNull).distinct().toList();
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (taskIds.size() != 1 || engine == null) {
            return Optional.empty();
        }
        // Looked up without the caller's authorizations: whether the task exists at all.
        boolean exists = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskIds.get(0)) != null);
        return exists ? Optional.empty() : Optional.of(json(Response.Status.NOT_FOUND,
                Map.of("type", "NotFoundException", "message", LostRace.TASK_GONE)));
    }

    /**
     * Anything else that reaches the engine APIs (a failure of ours or of the engine, never a refusal): logged
     * with an id, answered without its class names. Jersey's own answers (404, 405, 415) pass unchanged.
     */
    @Priority(1)
    public static class ForAnyException implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception exception) {
            if (exception instanceof jakarta.ws.rs.WebApplicationException web) {
                Response response = web.getResponse();
                if (response.hasEntity()) {
                    return response;
                }
                ExceptionDto dto = new ExceptionDto();
                dto.setType("InvalidRequestException");
                dto.setMessage(switch (response.getStatus()) {
                    case 404 -> "There is nothing at this address of the engine API";
                    case 405 -> "This method is not accepted at this address";
                    case 415 -> "This content type is not accepted here; send application/json";
                    case 406 -> "This address answers only application/json";
                    default -> "The request cannot be answered (" + response.getStatus() + ")";
                });
                return Response.status(response.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
            }
            return refusal(exception).orElseGet(() -> plain(Response.status(500).entity(ExceptionDto.fromException(exception))
                    .build(), exception));
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RefusalMapper.class);

    /**
     * Camunda's answer in plain words: no "Cannot complete task 3f2a...:" prefix, no class names or ENGINE codes,
     * a missing task or instance a 404, and a failure on our side a 500 that says only that, with the id it is
     * logged under.
     */
    static Response plain(Response camunda, Throwable thrown) {
        if (!(camunda.getEntity() instanceof ExceptionDto dto)) {
            return camunda;
        }
        int status = camunda.getStatus();
        if (status >= 500 && hasCause(thrown, org.camunda.bpm.engine.exception.NullValueException.class)) {
            status = 404;
        }
        String message = dto.getMessage() == null ? "" : dto.getMessage();
        if (status >= 500) {
            String id = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected failure {} answering an engine API request", id, thrown);
            message = "Something went wrong on our side (error %s); it is logged, please tell the Secretariat's IT".formatted(id);
        } else {
            message = cleaned(message);
        }
        dto.setMessage(message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }

    static String cleaned(String message) {
        return message
                .replaceAll("^Cannot [a-zA-Z ]+? [^\\s:]+: ", "")
                .replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ", "")
                .replaceAll("ENGINE-\\d+ ", "")
                .replaceAll(" to java type [\\w.$<>]+", "")
                .replaceAll(":\\s*\\w+ is null$", "")
                .replaceAll("\\s*at \\[Source:.*", "")
                .trim();
    }

    private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
