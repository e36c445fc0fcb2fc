package dev.taskstream.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesATokenOnceWhileItIsValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifierExpiringAt(NOW.plusSeconds(60)), null, at(NOW));

        Jwt first = cache.decode("token");
        Jwt second = cache.decode("token");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgainAndRefused() {
        JwtDecoder verifier = token -> {
            if (verifications.incrementAndGet() > 1) {
                throw new BadJwtException("expired");
            }
            return jwt(NOW.plusSeconds(60));
        };
        MovableClock clock = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, null, clock);
        cache.decode("token");

        clock.now = NOW.plus(Duration.ofMinutes(2));

        assertThatThrownBy(() -> cache.decode("token")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        JwtDecoder refusing = token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("bad signature");
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(refusing, null, at(NOW));

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder verifierExpiringAt(Instant expiry) {
        return token -> {
            verifications.incrementAndGet();
            return jwt(expiry);
        };
    }

    private static Jwt jwt(Instant expiry) {
        return Jwt.withTokenValue("token").header("alg", "ES256").subject("someone")
                .issuedAt(NOW.minusSeconds(1)).expiresAt(expiry).build();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
