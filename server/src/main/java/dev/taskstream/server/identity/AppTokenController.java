package dev.taskstream.server.identity;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.server.identity.AppTokens.AppToken;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's app tokens: made, listed and revoked with the user's own sign-in, never with an app token. The secret is
 * in the creation's answer only.
 */
@RestController
@RequestMapping("/api/auth/tokens")
class AppTokenController {

    private final AppTokens tokens;

    AppTokenController(AppTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<NewAppToken> create(@RequestBody AppTokenRequest request, UserId user,
                                       @AuthenticationPrincipal Jwt caller) {
        checkSignedIn(caller);
        AppTokens.Created created = tokens.create(user, request.name(), request.expiresInDays());
        AppToken made = created.appToken();
        return ResponseEntity.created(URI.create("/api/auth/tokens/" + made.id()))
                .body(new NewAppToken(made.id(), made.name(), made.createdAt(), made.expiresAt(), created.token()));
    }

    @GetMapping
    AppTokenList list(UserId user) {
        return new AppTokenList(tokens.list(user));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, UserId user, @AuthenticationPrincipal Jwt caller) {
        checkSignedIn(caller);
        tokens.revoke(user, id);
    }

    /** A leaked app token must not be able to make more of itself, nor take the owner's other apps away. */
    private static void checkSignedIn(Jwt caller) {
        if (caller.hasClaim(AppTokens.CLAIM)) {
            throw new TaskstreamException(ErrorCode.FORBIDDEN, null,
                    "An app token cannot make or revoke app tokens; do it signed in with your password.");
        }
    }

    record AppTokenRequest(String name, Integer expiresInDays) {
    }

    /** {@code token} is the secret: shown here once, and kept by the server only as a hash. */
    record NewAppToken(UUID id, String name, Instant createdAt, Instant expiresAt, String token) {
    }

    record AppTokenList(List<AppToken> items) {
    }
}
