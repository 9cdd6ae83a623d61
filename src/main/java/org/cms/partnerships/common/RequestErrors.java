package org.cms.partnerships.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the register API answers when a request does not reach an endpoint in a usable shape (no such
 * address, a method or content type the address does not take, a body that is missing or of the wrong
 * JSON type) and, last, when something fails on our side: a Problem Details body that says what is wrong in
 * plain words, instead of Spring's bare {@code {"error": "Bad Request"}} or a stack of class names. Our own
 * refusals are {@link ApiExceptionHandler}'s, which comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestErrors {

    private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail nothingThere(NoResourceFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is nothing at /%s; the README lists the register API's addresses".formatted(e.getResourcePath()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "%s is not accepted here; use %s"
                .formatted(e.getMethod(), e.getSupportedHttpMethods() == null ? "another method"
                        : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(" or "))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail wrongContentType(HttpMediaTypeNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type '%s' is not accepted here; send %s"
                .formatted(e.getContentType() == null ? "none" : e.getContentType(), e.getSupportedMediaTypes().stream()
                        .map(MediaType::toString).collect(Collectors.joining(" or "))));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "This address answers only %s".formatted(
                e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "))));
    }

    @ExceptionHandler(MissingPathVariableException.class)
    ProblemDetail missingPath(MissingPathVariableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The address lacks the %s".formatted(e.getVariableName()));
    }

    /** A body that is missing, or whose JSON does not have the shape the endpoint reads. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bodyProblem(e));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason() == null ? "The request cannot be answered" : e.getReason());
    }

    /** Anything else is ours to fix: logged with an id the caller can quote, and nothing of it in the answer. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected failure {} answering a register API request", id, e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side (error %s); it is logged, please tell the Secretariat's IT".formatted(id));
    }

    static String bodyProblem(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String field = mismatch.getPath().stream().map(RequestErrors::step).collect(Collectors.joining("."))
                    .replace(".[", "[");
            String expected = kind(mismatch.getTargetType());
            return field.isEmpty() ? "The request body must be %s".formatted(expected)
                    : "Field '%s' must be %s".formatted(field, expected);
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '%s' cannot be read".formatted(mapping.getPath().stream().map(RequestErrors::step)
                    .collect(Collectors.joining(".")));
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return "The request body is not valid JSON";
        }
        return "The request body is missing: send a JSON object (see the README for its fields)";
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON list";
        }
        return "of another kind";
    }
}
