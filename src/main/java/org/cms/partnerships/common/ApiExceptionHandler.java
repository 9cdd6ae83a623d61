package org.cms.partnerships.common;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the application's exceptions into RFC 7807 problem responses a caller can act on. Before
 * {@link RequestErrors}, which answers what does not reach an endpoint and anything unexpected.
 */
@RestControllerAdvice(basePackages = "org.cms.partnerships")
@org.springframework.core.annotation.Order(0)
public class ApiExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        // Worth a line in the log: two users (or nodes) raced, or a request came too late.
        log.info("Refused with 409: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    /**
     * An engine failure under a register call: a refusal of ours raised inside a process step, or a
     * race lost to another request (409/404 in plain words); anything else stays a server error.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(ProcessEngineException e) throws ProcessEngineException {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return ResponseEntity.badRequest().body(invalid(invalid));
            }
            if (cause instanceof ConflictException conflict) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict(conflict));
            }
            if (cause instanceof NotFoundException missing) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(missing));
            }
        }
        RuntimeException lost = LostRace.refusalFor(e).orElseThrow(() -> e);
        HttpStatus status = lost instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, lost.getMessage()));
    }

    /** A register write that lost a race to another request (a lock or a concurrent update): 409. */
    @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
    ProblemDetail changedMeanwhile(org.springframework.dao.ConcurrencyFailureException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, LostRace.CHANGED_MEANWHILE);
    }

    /** The engine refused the authenticated user: say so, not "server error". */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String detail = "Parameter '%s' has an invalid value '%s'".formatted(e.getName(), e.getValue());
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            detail += "; expected one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (type != null) {
            detail += "; expected " + inWords(type);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    /** What a parameter of this type looks like, in the words of the person who typed it (no class names). */
    static String inWords(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date such as 2011-09-30";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class || type == java.time.LocalDateTime.class) {
            return "a date and time such as 2011-09-30T12:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '%s' is required".formatted(e.getParameterName()));
    }
}
