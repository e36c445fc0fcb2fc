package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.TaskstreamException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem body with a stable {@code code} and, where one field is
 * to blame, its name in {@code field}. The codes are decided where the refusal happens (the domain, or
 * {@code Refusals} on the command side for Axon's own exceptions); this is the one place that turns them into HTTP.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TaskstreamException.class)
    ResponseEntity<Object> refused(TaskstreamException e) {
        return problem(e.refusal());
    }

    /** A command's refusal crosses the command bus as a {@link Refusal}, whichever process handled it. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        return problem(Refusal.of(e).orElseThrow(() -> e));
    }

    private static ResponseEntity<Object> problem(Refusal refusal) {
        ResponseEntity<Object> problem = problem(refusal.code(), refusal.field(), refusal.detail());
        if (problem.getBody() instanceof ProblemDetail body) {
            refusal.properties().forEach(body::setProperty);
        }
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return problem(ErrorCode.INVALID_FIELD, field, "Unknown field '" + field + "'; it may be one of "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ".");
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return problem(ErrorCode.INVALID_FIELD, field, "Field '" + field + "': " + expected(target));
        }
        return problem(ErrorCode.INVALID_FIELD, null, "The body is not the JSON this endpoint takes.");
    }

    /** The field as the domain's refusals name it too: {@code due.timeZone}, {@code reminders[0].before}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "the value is of the wrong kind, or out of range.";
        }
        if (type.isEnum()) {
            return "give one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ".";
        }
        if (type == LocalDate.class) {
            return "give a date such as 2026-12-24.";
        }
        if (type == UUID.class) {
            return "give a UUID such as 6f1c1d52-4b8e-4c39-9d4a-0f6f5f7c2b11.";
        }
        if (type == String.class) {
            return "give a text.";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "give a whole number.";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "give a list.";
        }
        return "the value is of the wrong kind.";
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ErrorCode.INVALID_FIELD, e.getParameterName(), "Give '" + e.getParameterName() + "'.");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return problem(ErrorCode.INVALID_FIELD, field, "'" + e.getValue() + "' is not a valid " + field + ".");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
                "Send the body as application/json.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ErrorCode.NOT_ACCEPTABLE, HttpHeaders.ACCEPT, "This API answers in application/json only.");
    }

    static ResponseEntity<Object> problem(ErrorCode code, String field, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        body.setType(URI.create(code.problemType()));
        body.setProperty("code", code.name());
        if (field != null) {
            body.setProperty("field", field);
        }
        return ResponseEntity.status(code.httpStatus()).body(body);
    }
}
