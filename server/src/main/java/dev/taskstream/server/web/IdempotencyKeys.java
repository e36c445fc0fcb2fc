package dev.taskstream.server.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The first answer to each {@code Idempotency-Key} of each user, in PostgreSQL so that every instance sees it.
 * A key is claimed by inserting its row before the request runs, so two racing retries cannot both run.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final Duration keptFor;

    IdempotencyKeys(JdbcClient jdbc, @Value("${taskstream.idempotency.kept-for:24h}") Duration keptFor) {
        this.jdbc = jdbc;
        this.keptFor = keptFor;
    }

    /** The answer stored for a key: {@code status} is null while the first request is still running. */
    record Stored(byte[] fingerprint, Integer status, String contentType, String etag, String location, byte[] body) {
    }

    /** Claims the key for this request; true if it was free (or its old answer has expired). */
    boolean claim(UUID owner, String key, byte[] fingerprint) {
        return jdbc.sql("""
                        INSERT INTO idempotency_key (owner_id, key, fingerprint) VALUES (?, ?, ?)
                        ON CONFLICT (owner_id, key) DO UPDATE
                           SET fingerprint = EXCLUDED.fingerprint, created_at = now(), status = NULL,
                               content_type = NULL, etag = NULL, location = NULL, body = NULL
                         WHERE idempotency_key.created_at < now() - make_interval(secs => ?)
                        RETURNING owner_id""")
                .params(owner, key, fingerprint, keptFor.toSeconds())
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    Optional<Stored> find(UUID owner, String key) {
        return jdbc.sql("SELECT fingerprint, status, content_type, etag, location, body FROM idempotency_key"
                        + " WHERE owner_id = ? AND key = ?")
                .params(owner, key)
                .query((row, n) -> new Stored(row.getBytes("fingerprint"), (Integer) row.getObject("status"),
                        row.getString("content_type"), row.getString("etag"), row.getString("location"),
                        row.getBytes("body")))
                .optional();
    }

    void answer(UUID owner, String key, int status, String contentType, String etag, String location, byte[] body) {
        jdbc.sql("UPDATE idempotency_key SET status = ?, content_type = ?, etag = ?, location = ?, body = ?"
                        + " WHERE owner_id = ? AND key = ?")
                .params(status, contentType, etag, location, body, owner, key)
                .update();
    }

    /** Frees the key: the request failed on our side, so a retry should run it again. */
    void release(UUID owner, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE owner_id = ? AND key = ?").params(owner, key).update();
    }

    @Scheduled(initialDelayString = "1h", fixedDelayString = "1h")
    void prune() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")
                .param(keptFor.toSeconds())
                .update();
    }
}
