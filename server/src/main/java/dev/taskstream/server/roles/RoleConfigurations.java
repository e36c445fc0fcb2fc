package dev.taskstream.server.roles;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Each role brings in one side's beans, and nothing else. */
final class RoleConfigurations {

    private RoleConfigurations() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(Role.COMMAND)
    @ComponentScan("dev.taskstream.command")
    static class CommandRole {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(Role.QUERY)
    @ComponentScan("dev.taskstream.query")
    static class QueryRole {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(Role.SAGAS)
    @ComponentScan("dev.taskstream.sagas")
    static class SagasRole {
    }
}
