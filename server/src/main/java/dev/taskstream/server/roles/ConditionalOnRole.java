package dev.taskstream.server.roles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Loads the annotated configuration only when {@code taskstream.roles} includes one of the roles and none of
 * those it must run {@link #without} (a sagas role without the command role sends its commands to another
 * process, say).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(RoleCondition.class)
public @interface ConditionalOnRole {

    Role[] value();

    Role[] without() default {};
}
