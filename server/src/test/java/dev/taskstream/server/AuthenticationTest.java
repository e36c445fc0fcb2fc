package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

@ServerTest
class AuthenticationTest {

    private static final String GOOD_PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    JwtEncoder signer;

    @Test
    void signUpIssuesAVerifiableTokenThatExpires() {
        Response signup = anonymous().post("/api/auth/signup", credentials(uniqueEmail(), GOOD_PASSWORD));

        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.text("tokenType")).isEqualTo("Bearer");
        assertThat(signup.text("expiresAt")).isNotBlank();
        String claims = new String(Base64.getUrlDecoder().decode(signup.text("accessToken").split("\\.")[1]));
        assertThat(claims).contains("\"sub\":\"" + signup.text("userId") + "\"").contains("\"exp\":");
        assertThat(anonymous().withToken(signup.text("accessToken")).get("/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void theApiRefusesRequestsWithoutAValidToken() {
        assertThat(anonymous().get("/api/tasks").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/tasks", "{\"title\":\"x\"}").status()).isEqualTo(401);
        assertThat(anonymous().withToken("not-a-jwt").get("/api/tasks").status()).isEqualTo(401);
        assertThat(anonymous().withToken(forgedToken()).get("/api/tasks").status()).isEqualTo(401);
        assertThat(anonymous().withToken(expiredToken()).get("/api/tasks").status()).isEqualTo(401);
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = uniqueEmail();
        assertThat(anonymous().post("/api/auth/signup", credentials(email, GOOD_PASSWORD)).status()).isEqualTo(201);

        Response again = anonymous().post("/api/auth/signup", credentials(email.toUpperCase(), GOOD_PASSWORD));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("EMAIL_TAKEN");
        assertThat(again.text("field")).isEqualTo("email");
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        String email = uniqueEmail();
        for (String weak : new String[] {"short", "aaaaaaaaaaaaaaaa", "ababababab", email.substring(0, email.indexOf('@')) + "1"}) {
            Response refused = anonymous().post("/api/auth/signup", credentials(email, weak));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("WEAK_PASSWORD");
            assertThat(refused.text("field")).isEqualTo("password");
            assertThat(refused.text("detail")).isNotBlank();
        }
        assertThat(anonymous().post("/api/auth/login", credentials(email, GOOD_PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void aMalformedEmailIsRefused() {
        Response refused = anonymous().post("/api/auth/signup", credentials("not-an-email", GOOD_PASSWORD));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("email");
    }

    @Test
    void loginDoesNotRevealWhetherTheEmailOrThePasswordWasWrong() {
        String email = uniqueEmail();
        anonymous().post("/api/auth/signup", credentials(email, GOOD_PASSWORD));

        Response wrongPassword = anonymous().post("/api/auth/login", credentials(email, "wrong horse battery staple"));
        Response unknownEmail = anonymous().post("/api/auth/login", credentials(uniqueEmail(), GOOD_PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.text("code")).isEqualTo("BAD_CREDENTIALS").isEqualTo(unknownEmail.text("code"));
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
        assertThat(wrongPassword.body().has("field")).isFalse();
        assertThat(unknownEmail.body().has("field")).isFalse();
    }

    @Test
    void thePublicKeysArePublishedAsAJwks() {
        Response jwks = anonymous().get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body().get("keys")).hasSize(1);
        assertThat(jwks.body().get("keys").get(0).get("kty").asText()).isEqualTo("EC");
        assertThat(jwks.body().get("keys").get(0).has("d")).as("private part must never be published").isFalse();
    }

    /** Signed with the server's own key, but an hour past its expiry. */
    private String expiredToken() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("taskstream")
                .subject(UUID.randomUUID().toString())
                .issuedAt(anHourAgo.minus(Duration.ofHours(1)))
                .expiresAt(anHourAgo)
                .build();
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims))
                .getTokenValue();
    }

    /** A token with a valid shape whose signature no key of ours made. */
    private static String forgedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"ES256\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"taskstream\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"exp\":4102444800}").getBytes());
        return header + "." + claims + "." + b64.encodeToString(new byte[64]);
    }

    private ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    private static String uniqueEmail() {
        return "someone-" + UUID.randomUUID() + "@example.org";
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
