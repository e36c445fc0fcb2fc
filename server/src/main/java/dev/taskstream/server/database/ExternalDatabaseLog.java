package dev.taskstream.server.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says plainly which database a server runs on, so nobody mistakes the embedded default for production. */
@Component
@ConditionalOnExpression("!'${spring.datasource.url:}'.isBlank()")
class ExternalDatabaseLog {

    private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseLog.class);

    private final DataSourceProperties properties;

    ExternalDatabaseLog(DataSourceProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void announce() {
        log.info("DATABASE: external PostgreSQL at {}", properties.getUrl().replaceFirst("\\?.*", ""));
    }
}
