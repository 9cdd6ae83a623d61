package org.cms.partnerships.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.cms.partnerships.common.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors on the register pages as a page in the register's look, with the same plain message the API
 * gives (a bad filter names the parameter and the allowed values; an agreement the user may not read is
 * "not found", like one that does not exist). Before the API's handler, which answers JSON.
 */
@ControllerAdvice(assignableTypes = RegisterPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        String detail = "Parameter '%s' has an invalid value '%s'".formatted(e.getName(), e.getValue());
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            detail += "; expected one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return page(HttpStatus.BAD_REQUEST, "Bad request", detail, model, response);
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, Model model, HttpServletResponse response) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return page(status, status.getReasonPhrase(), e.getReason(), model, response);
    }

    @ExceptionHandler(AuthorizationException.class)
    String forbidden(AuthorizationException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), model, response);
    }

    private static String page(HttpStatus status, String title, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("errorTitle", title);
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorStatus", status.value());
        return "register/error";
    }
}
