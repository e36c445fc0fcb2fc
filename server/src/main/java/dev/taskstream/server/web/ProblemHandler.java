package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.TaskstreamException;
import java.net.URI;
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
            return problem(ErrorCode.INVALID_FIELD, unknown.getPropertyName(),
                    "Unknown field '" + unknown.getPropertyName() + "'.");
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex()))
                    .collect(Collectors.joining("."));
            return problem(ErrorCode.INVALID_FIELD, field, "Field '" + field + "' has a value of the wrong kind.");
        }
        return problem(ErrorCode.INVALID_FIELD, null, "The body is not the JSON this endpoint takes.");
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
