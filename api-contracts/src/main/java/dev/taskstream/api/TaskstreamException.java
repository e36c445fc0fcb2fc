package dev.taskstream.api;

import java.util.Map;
import java.util.Objects;

/** A rule of the domain said no. Carries a stable {@link ErrorCode} and, when one is to blame, the field. */
public class TaskstreamException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public TaskstreamException(ErrorCode code, String field, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public TaskstreamException(Refusal refusal) {
        this(refusal.code(), refusal.field(), refusal.detail());
    }

    public static TaskstreamException invalidField(String field, String detail) {
        return new TaskstreamException(ErrorCode.INVALID_FIELD, field, detail);
    }

    /**
     * "Not found", worded identically whether the thing is missing or someone else's, so that the answer cannot
     * be used to probe for other users' ids. The kind of thing follows from the type of the id.
     */
    public static TaskstreamException notFound(Object id) {
        return new TaskstreamException(ErrorCode.notFound(id), null, "Nothing with id " + id + " is yours.");
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or {@code null} when the whole request is. */
    public String field() {
        return field;
    }

    public Refusal refusal() {
        return new Refusal(code, field, getMessage(), properties());
    }

    /** Further members of the problem body; none unless a refusal has more to say. */
    protected Map<String, Object> properties() {
        return Map.of();
    }
}
