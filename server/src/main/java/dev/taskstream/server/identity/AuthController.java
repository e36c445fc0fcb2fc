package dev.taskstream.server.identity;

import dev.taskstream.api.UserId;
import dev.taskstream.server.identity.TokenIssuer.AccessToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.nimbusds.jose.jwk.JWKSet;

/** Sign-up, login and the public keys that verify the tokens they hand out. */
@RestController
class AuthController {

    private final Accounts accounts;
    private final TokenIssuer tokens;
    private final JWKSet publicKeys;

    AuthController(Accounts accounts, TokenIssuer tokens, JWKSet publicKeys) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.publicKeys = publicKeys;
    }

    /** Answers the token, and sets it as the web UI's session cookie too ({@link SessionCookie}). */
    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    AccessToken signUp(@RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
        return withCookie(tokens.issue(accounts.signUp(credentials.email(), credentials.password()), credentials.email()),
                request, response);
    }

    @PostMapping("/api/auth/login")
    AccessToken logIn(@RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
        return withCookie(tokens.issue(accounts.logIn(credentials.email(), credentials.password()), credentials.email()),
                request, response);
    }

    /** Ends the web UI's session (the cookie); a bearer token stays valid until it expires. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, SessionCookie.clear(request));
    }

    /** Who the caller is, and until when their token holds: the web UI asks this to learn whether it is signed in. */
    @GetMapping("/api/auth/session")
    Session session(@AuthenticationPrincipal Jwt token) {
        return new Session(UserId.of(token.getSubject()), token.getClaimAsString("email"), token.getExpiresAt());
    }

    private static AccessToken withCookie(AccessToken token, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, SessionCookie.issue(request, token.accessToken(), token.expiresAt()));
        return token;
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return publicKeys.toJSONObject();
    }

    record Credentials(String email, String password) {
    }

    record Session(UserId userId, String email, Instant expiresAt) {
    }
}
