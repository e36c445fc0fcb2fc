package dev.taskstream.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key pair that signs access tokens, kept in PostgreSQL so that every instance and every restart
 * uses the same one. The first instance to start creates it; the others read it.
 */
final class SigningKey {

    private static final String PURPOSE = "access-token";

    private SigningKey() {
    }

    static ECKey loadOrCreate(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO signing_key (purpose, jwk) VALUES (?, ?) ON CONFLICT (purpose) DO NOTHING")
                .params(PURPOSE, generate().toJSONString())
                .update();
        String stored = jdbc.sql("SELECT jwk FROM signing_key WHERE purpose = ?")
                .param(PURPOSE)
                .query(String.class)
                .single();
        try {
            return ECKey.parse(stored);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key in table signing_key is unreadable", e);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key pair", e);
        }
    }
}
