package dev.taskstream.server.roles;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class RoleCondition extends SpringBootCondition {

    static final String PROPERTY = "taskstream.roles";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Role required = (Role) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        Set<Role> enabled = Binder.get(context.getEnvironment())
                .bind(PROPERTY, Bindable.setOf(Role.class))
                .orElse(EnumSet.allOf(Role.class));
        return enabled.contains(required)
                ? ConditionOutcome.match(PROPERTY + " includes " + required)
                : ConditionOutcome.noMatch(PROPERTY + " is " + enabled + ", without " + required);
    }
}
