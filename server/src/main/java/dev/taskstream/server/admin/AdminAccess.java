package dev.taskstream.server.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may use {@code /api/admin/**}: users whose token's {@code email} is in {@code TASKSTREAM_ADMIN_EMAILS}
 * (comma-separated, case ignored). The list is read at start-up, so making the first admin is: sign up, put the
 * email in the variable, restart. Everyone else gets 403; nobody is an admin by default.
 */
@Component
public class AdminAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final Set<String> emails;

    AdminAccess(@Value("${taskstream.admin.emails:}") String emails) {
        this.emails = Arrays.stream(emails.split(","))
                .map(email -> email.strip().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                && token.getToken().getClaimAsString("email") != null
                && emails.contains(token.getToken().getClaimAsString("email").toLowerCase(Locale.ROOT)));
    }
}
