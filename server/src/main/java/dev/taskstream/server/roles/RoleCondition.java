package dev.taskstream.server.roles;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class RoleCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        Role[] anyOf = (Role[]) attributes.get("value");
        Role[] noneOf = (Role[]) attributes.get("without");
        Set<Role> enabled = Role.enabledIn(context.getEnvironment());
        boolean match = Arrays.stream(anyOf).anyMatch(enabled::contains)
                && Arrays.stream(noneOf).noneMatch(enabled::contains);
        String reason = Role.PROPERTY + " is " + enabled + "; needs any of " + Arrays.toString(anyOf)
                + (noneOf.length == 0 ? "" : " and none of " + Arrays.toString(noneOf));
        return match ? ConditionOutcome.match(reason) : ConditionOutcome.noMatch(reason);
    }
}
