package dev.taskstream.api;

import java.time.Instant;
import java.util.Objects;

/** The authenticated caller and when the token they called with expires. */
public record Caller(UserId user, Instant tokenExpiresAt) {

    public Caller {
        Objects.requireNonNull(user);
        Objects.requireNonNull(tokenExpiresAt);
    }
}
