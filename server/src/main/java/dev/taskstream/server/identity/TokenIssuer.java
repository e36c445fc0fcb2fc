package dev.taskstream.server.identity;

import dev.taskstream.api.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues access tokens: subject is the user id, lifetime is {@code taskstream.auth.token-ttl}. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder,
                @Value("${taskstream.auth.issuer}") String issuer,
                @Value("${taskstream.auth.token-ttl}") Duration lifetime) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = Clock.systemUTC();
    }

    AccessToken issue(UserId user, String email) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.toString())
                .claim("email", email)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(user, token, "Bearer", now.plus(lifetime));
    }

    record AccessToken(UserId userId, String accessToken, String tokenType, Instant expiresAt) {
    }
}
