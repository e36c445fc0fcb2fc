package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.tasks.EditConflict;
import dev.taskstream.api.tasks.TaskField;
import java.net.URI;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem body with a stable {@code code} and, where one field is
 * to blame, its name in {@code field}. Controllers translate "no such aggregate" themselves, since only they
 * know what kind of thing was missing.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TaskstreamException.class)
    ResponseEntity<Object> refused(TaskstreamException e) {
        ResponseEntity<Object> problem = problem(e.code(), e.field(), e.getMessage());
        if (e instanceof EditConflict conflict && problem.getBody() instanceof ProblemDetail body) {
            body.setProperty("fields", conflict.fields().stream().map(TaskField::apiName).sorted().toList());
            body.setProperty("current", conflict.current());
        }
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) throws Exception {
        if (e.getCause() instanceof Exception cause) {
            return handleDomain(cause);
        }
        throw e;
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> conflict(Exception e) {
        return problem(ErrorCode.CONFLICT, null,
                "Another write to the same task came first, or the id is taken. Re-read it and try again.");
    }

    /** Tasks and series share one id space; a task id used for a series (or the reverse) is no such thing. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<Object> otherKind(IncompatibleAggregateException e) {
        return problem(ErrorCode.CONFLICT, "id", "That id belongs to something other than a task.");
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

    private ResponseEntity<Object> handleDomain(Exception cause) throws Exception {
        if (cause instanceof TaskstreamException refused) {
            return refused(refused);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return conflict(cause);
        }
        if (cause instanceof IncompatibleAggregateException otherKind) {
            return otherKind(otherKind);
        }
        throw cause;
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
