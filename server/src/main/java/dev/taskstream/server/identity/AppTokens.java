package dev.taskstream.server.identity;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens that a user makes for an app (an AI assistant, a script, the CLI): they last months rather than hours, can
 * be revoked one by one, and the database keeps only a hash of each. A request with one reads as a request with the
 * user's own token, except that an app token cannot make or revoke app tokens: a leaked one cannot breed.
 */
@Component
class AppTokens {

    static final String PREFIX = "tsk_";
    /** The claim that marks a request made with an app token: its id. */
    static final String CLAIM = "app_token";
    static final int MAX_PER_USER = 20;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DAYS = 3650;
    /** How stale "last used" may get: writing it on every request would make every read a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final String issuer;
    private final Clock clock;

    AppTokens(JdbcClient jdbc, @Value("${taskstream.auth.issuer}") String issuer) {
        this.jdbc = jdbc;
        this.issuer = issuer;
        this.clock = Clock.systemUTC();
    }

    static boolean isAppToken(String token) {
        return token.startsWith(PREFIX);
    }

    /** The account's row is locked meanwhile, so that two creations at once cannot both take the last place. */
    @Transactional
    Created create(UserId user, String name, Integer days) {
        String validName = validName(name);
        int validDays = days == null ? 365 : days;
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw TaskstreamException.invalidField("expiresInDays", "Give a number of days from 1 to " + MAX_DAYS + ".");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AppToken stored = new AppToken(UUID.randomUUID(), validName, now, now.plus(Duration.ofDays(validDays)), null);
        jdbc.sql("SELECT 1 FROM account WHERE user_id = ? FOR UPDATE").param(user.value()).query(Integer.class).list();
        int added = jdbc.sql("""
                        INSERT INTO app_token (token_id, user_id, name, secret_hash, created_at, expires_at)
                        SELECT :id, :user, :name, :hash, :created, :expires
                        WHERE (SELECT count(*) FROM app_token WHERE user_id = :user) < :max""")
                .param("id", stored.id()).param("user", user.value()).param("name", validName)
                .param("hash", hash(token)).param("created", Timestamp.from(now))
                .param("expires", Timestamp.from(stored.expiresAt())).param("max", MAX_PER_USER)
                .update();
        if (added == 0) {
            throw new TaskstreamException(ErrorCode.TOO_MANY_APP_TOKENS, null,
                    "You have " + MAX_PER_USER + " app tokens, the most a user may; revoke one you no longer use.");
        }
        return new Created(stored, token);
    }

    List<AppToken> list(UserId user) {
        return jdbc.sql("""
                        SELECT token_id AS id, name, created_at, expires_at, last_used_at FROM app_token
                        WHERE user_id = ? ORDER BY created_at, token_id""")
                .param(user.value()).query((row, n) -> new AppToken(row.getObject("id", UUID.class), row.getString("name"),
                        instant(row.getTimestamp("created_at")), instant(row.getTimestamp("expires_at")),
                        instant(row.getTimestamp("last_used_at")))).list();
    }

    void revoke(UserId user, UUID id) {
        if (jdbc.sql("DELETE FROM app_token WHERE token_id = ? AND user_id = ?").params(id, user.value()).update() == 0) {
            throw new TaskstreamException(ErrorCode.APP_TOKEN_NOT_FOUND, null, "Nothing with id " + id + " is yours.");
        }
    }

    /**
     * The request's identity when {@code token} is a live app token, in the same form as a signed token's, so that
     * the rest of the server cannot tell them apart; a revoked, expired or unknown one is refused like a bad token.
     */
    Jwt decode(String token) {
        Instant now = clock.instant();
        Optional<Holder> holder = jdbc.sql("""
                        SELECT t.token_id, t.user_id, a.email, t.created_at, t.expires_at, t.last_used_at
                        FROM app_token t JOIN account a USING (user_id)
                        WHERE t.secret_hash = ? AND t.expires_at > ?""")
                .params(hash(token), Timestamp.from(now))
                .query((row, n) -> new Holder(row.getObject("token_id", UUID.class), row.getObject("user_id", UUID.class),
                        row.getString("email"), instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("last_used_at"))))
                .optional();
        Holder found = holder.orElseThrow(() -> new BadJwtException("The app token is unknown, revoked or expired."));
        if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.sql("UPDATE app_token SET last_used_at = ? WHERE token_id = ?")
                    .params(Timestamp.from(now), found.tokenId()).update();
        }
        return Jwt.withTokenValue(token)
                .header("typ", "app-token")
                .issuer(issuer)
                .subject(found.userId().toString())
                .claim("email", found.email())
                .claim(CLAIM, found.tokenId().toString())
                .issuedAt(found.createdAt())
                .expiresAt(found.expiresAt())
                .build();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw TaskstreamException.invalidField("name",
                    "Name the token after the app that will use it, in 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        return InputRules.singleLine("name", name.strip());
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** An app token as its owner sees it: never the secret, which only its creation answers. */
    record AppToken(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** The creation's answer: the only time the secret is shown. */
    record Created(AppToken appToken, String token) {
    }

    private record Holder(UUID tokenId, UUID userId, String email, Instant createdAt, Instant expiresAt,
                          Instant lastUsedAt) {
    }
}
