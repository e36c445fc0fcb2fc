package dev.taskstream.api.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Dapr's app API token: the sidecar sends it as {@value #HEADER} on every call into the app (service invocation,
 * job callbacks) when it is given {@code APP_API_TOKEN}. Endpoints meant only for the sidecar admit a call only
 * with it; with no token configured they admit nothing, so a monolith exposes no internal endpoint.
 */
public final class AppApiToken {

    public static final String HEADER = "dapr-api-token";

    private final byte[] token;

    public AppApiToken(String token) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Compared in constant time, so the token cannot be guessed byte by byte. */
    public boolean admits(String presented) {
        return token.length > 0 && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
