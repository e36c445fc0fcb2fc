package dev.taskstream.server.web;

import dev.taskstream.api.Caller;
import dev.taskstream.api.UserId;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers take the caller as a plain {@link UserId} parameter (or a {@link Caller}, which adds when the
 * token expires), so the sides never see a JWT.
 */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(UserId.class) || parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            UserId user = UserId.of(token.getToken().getSubject());
            return parameter.getParameterType().equals(Caller.class)
                    ? new Caller(user, token.getToken().getExpiresAt()) : user;
        }
        throw new IllegalStateException("A UserId parameter on a path that does not require a token");
    }
}
