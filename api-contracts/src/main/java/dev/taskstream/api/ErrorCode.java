package dev.taskstream.api;

import java.util.Locale;

/**
 * Stable error codes. Clients switch on these, never on messages; the edge maps each to an HTTP
 * status and an RFC 9457 problem body.
 */
public enum ErrorCode {
    /** A field's value breaks a rule; the problem names the field. */
    INVALID_FIELD(400),
    /** The task does not exist, or belongs to someone else: the two are indistinguishable on purpose. */
    TASK_NOT_FOUND(404),
    /** The task was deleted; it accepts no more changes. */
    TASK_DELETED(404),
    /** The notification does not exist, or belongs to someone else. */
    NOTIFICATION_NOT_FOUND(404),
    /** The recurring series does not exist, or belongs to someone else. */
    SERIES_NOT_FOUND(404),
    /** The series was stopped or its rule ran out; it schedules no more occurrences. */
    SERIES_ENDED(409),
    /** The request raced another write to the same thing; re-read and try again. */
    CONFLICT(409),
    /**
     * A write with {@code If-Match} sets a field that someone changed since that version; the problem holds
     * {@code fields} and the {@code current} task. 409 rather than 412: other fields' changes merge, so the
     * version alone does not decide.
     */
    EDIT_CONFLICT(409),
    /** The same {@code Idempotency-Key} came with a different request. */
    IDEMPOTENCY_KEY_REUSED(422),
    /** A request with this {@code Idempotency-Key} is still being processed. */
    IDEMPOTENCY_KEY_IN_USE(409),
    /** The tag does not exist, or belongs to someone else. */
    TAG_NOT_FOUND(404),
    /** No app token of the caller has that id (another user's answers the same). */
    APP_TOKEN_NOT_FOUND(404),
    /** The caller has as many app tokens as a user may; revoke one first. */
    TOO_MANY_APP_TOKENS(409),
    /** The user has a tag of that name already, in some capitalisation. */
    TAG_NAME_TAKEN(409),
    EMAIL_TAKEN(409),
    WEAK_PASSWORD(400),
    /** Login failed; deliberately silent about whether the email or the password was wrong. */
    BAD_CREDENTIALS(401),
    /** A stream ticket that is missing, used, expired or was never issued: the same answer for all four. */
    STREAM_TICKET_INVALID(401),
    /** The body is larger than the server takes; the problem says the limit. */
    BODY_TOO_LARGE(413),
    /** The body came in too slowly; send it again in one go. */
    BODY_TOO_SLOW(408),
    /** The request's Content-Type or Accept header names something this endpoint does not speak. */
    UNSUPPORTED_MEDIA_TYPE(415),
    NOT_ACCEPTABLE(406),
    /** No token, or one that is not valid (any endpoint but sign-up and login). */
    UNAUTHENTICATED(401),
    /** A valid token whose user may not do this: the admin API for anyone not in TASKSTREAM_ADMIN_EMAILS. */
    FORBIDDEN(403),
    /** No event processor, or no dead letter, of that name (admin API). */
    PROCESSOR_NOT_FOUND(404),
    DEAD_LETTER_NOT_FOUND(404),
    /** The processor cannot do that now: a rebuild runs already, or it cannot be rebuilt (admin API). */
    PROCESSOR_BUSY(409),
    /** The user has as many writes under way as the server takes from one user; retry after {@code Retry-After}. */
    TOO_MANY_WRITES(429),
    /** The write waited too long for its turn; nothing was stored. Retry after {@code Retry-After}. */
    SERVER_BUSY(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The "not found" code for a missing thing of the kind that {@code id} names. */
    public static ErrorCode notFound(Object id) {
        if (id instanceof SeriesId) {
            return SERIES_NOT_FOUND;
        }
        if (id instanceof TagId) {
            return TAG_NOT_FOUND;
        }
        if (id instanceof NotificationId) {
            return NOTIFICATION_NOT_FOUND;
        }
        return TASK_NOT_FOUND;
    }

    /** The RFC 9457 {@code type} of problems with this code. */
    public String problemType() {
        return "urn:taskstream:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
