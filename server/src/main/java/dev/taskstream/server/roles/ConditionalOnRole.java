package dev.taskstream.server.roles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Loads the annotated configuration only when {@code taskstream.roles} includes the role. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(RoleCondition.class)
@interface ConditionalOnRole {

    Role value();
}
