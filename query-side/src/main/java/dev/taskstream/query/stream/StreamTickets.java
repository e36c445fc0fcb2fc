package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use tickets that open a stream. Kept in PostgreSQL, so a ticket issued by one query instance opens a
 * stream on any other; only a SHA-256 of each ticket is stored. Redeeming deletes the row, so a ticket works
 * once even when two instances race for it. Expiry is judged by the database clock, shared by all instances.
 */
@Component
class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in base64url: 43 characters. Anything much longer is not one of ours. */
    private static final int MAX_LENGTH = 64;

    private final JdbcClient jdbc;
    private final StreamSettings settings;

    StreamTickets(JdbcClient jdbc, StreamSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** What a redeemed ticket grants: a stream of this user's changes, until their token expires. */
    record Grant(UserId owner, Instant tokenExpiresAt) {
    }

    String issue(UserId owner, Instant tokenExpiresAt) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("""
                        INSERT INTO stream_ticket (ticket_hash, owner_id, expires_at, token_expires_at)
                        VALUES (?, ?, least(now() + make_interval(secs => ?), ?), ?)""")
                .params(hash(ticket), owner.value(), settings.ticketTtl().toSeconds(), utc(tokenExpiresAt),
                        utc(tokenExpiresAt))
                .update();
        return ticket;
    }

    /** Uses the ticket up; answers what it grants, or nothing if it is unknown, used or expired. */
    Optional<Grant> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        DELETE FROM stream_ticket WHERE ticket_hash = ?
                        RETURNING owner_id, token_expires_at, expires_at > now() AS valid""")
                .param(hash(ticket))
                .query((row, n) -> row.getBoolean("valid")
                        ? Optional.of(new Grant(new UserId(row.getObject("owner_id", UUID.class)),
                                row.getObject("token_expires_at", OffsetDateTime.class).toInstant()))
                        : Optional.<Grant>empty())
                .optional()
                .flatMap(grant -> grant);
    }

    private static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
