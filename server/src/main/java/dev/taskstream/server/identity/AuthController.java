package dev.taskstream.server.identity;

import dev.taskstream.server.identity.TokenIssuer.AccessToken;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    AccessToken signUp(@RequestBody Credentials credentials) {
        return tokens.issue(accounts.signUp(credentials.email(), credentials.password()), credentials.email());
    }

    @PostMapping("/api/auth/login")
    AccessToken logIn(@RequestBody Credentials credentials) {
        return tokens.issue(accounts.logIn(credentials.email(), credentials.password()), credentials.email());
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return publicKeys.toJSONObject();
    }

    record Credentials(String email, String password) {
    }
}
