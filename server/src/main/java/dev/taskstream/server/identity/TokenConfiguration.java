package dev.taskstream.server.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The embedded identity provider's keys: tokens are ES256 JWTs signed with the stored key, verified
 * with its public half, which is also published as a JWKS for other services.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    ECKey signingKey(JdbcClient jdbc) {
        return SigningKey.loadOrCreate(jdbc);
    }

    @Bean
    JwtEncoder jwtEncoder(ECKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    @Bean
    JWKSet publicKeys(ECKey signingKey) {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** Verifies against the published key set; another issuer's keys (EdDSA too) plug in here. */
    @Bean
    JwtDecoder jwtDecoder(JWKSet publicKeys, AppTokens appTokens, @Value("${taskstream.auth.issuer}") String issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(publicKeys)));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return new VerifiedTokenCache(decoder, appTokens, Clock.systemUTC());
    }
}
