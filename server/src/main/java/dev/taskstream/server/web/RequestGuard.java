package dev.taskstream.server.web;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks what every API request carries before any handler runs, so that no handler can act on a request whose
 * answer the client could not read (a create used to be stored and then answered 406), whose body is not JSON,
 * or whose query parameters or device id carry text that PostgreSQL refuses.
 */
class RequestGuard implements HandlerInterceptor {

    static final String DEVICE_HEADER = "X-Device-Id";
    private static final int DEVICE_ID_MAX_LENGTH = 200;
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException {
        checkAccept(request.getHeader(HttpHeaders.ACCEPT));
        checkContentType(request.getContentType());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = InputRules.singleLine("parameter name", parameter.getKey());
            for (String value : parameter.getValue()) {
                InputRules.singleLine(name, value);
            }
        }
        String device = request.getHeader(DEVICE_HEADER);
        if (device != null && device.length() > DEVICE_ID_MAX_LENGTH) {
            throw TaskstreamException.invalidField(DEVICE_HEADER, "A device id has at most " + DEVICE_ID_MAX_LENGTH + " characters.");
        }
        InputRules.singleLine(DEVICE_HEADER, device);
        return true;
    }

    /** Spring fails with a 500 on a wildcard Content-Type ({@code application/*}); it is just not JSON. */
    private static void checkContentType(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isWildcardType() && !type.isWildcardSubtype() && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json"))) {
                return;
            }
        } catch (InvalidMediaTypeException unreadable) {
            // refused like any other type that is not JSON
        }
        throw new HttpMediaTypeNotSupportedException("Not JSON: " + contentType);
    }

    private static void checkAccept(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return;
        }
        try {
            List<MediaType> acceptable = MediaType.parseMediaTypes(accept);
            if (acceptable.stream().anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith))) {
                return;
            }
        } catch (InvalidMediaTypeException unreadable) {
            // answered like any other Accept header we cannot satisfy
        }
        throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }
}
