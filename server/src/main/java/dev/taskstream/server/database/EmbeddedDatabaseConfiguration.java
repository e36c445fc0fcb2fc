package dev.taskstream.server.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local default: with no datasource URL configured, Taskstream starts its own PostgreSQL whose
 * data lives in {@code taskstream.embedded-db.dir} (see {@link LocalPostgres}). An empty directory setting means
 * a throw-away database (tests). Given a URL, this stays off and Spring Boot's datasource is used instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    LocalPostgres localPostgres(@Value("${taskstream.embedded-db.dir:}") String directory,
            @Value("${taskstream.embedded-db.unsafe-fast-writes:false}") boolean unsafeFastWrites) throws IOException {
        if (directory.isBlank()) {
            log.warn("DATABASE: embedded PostgreSQL in a temporary directory; all data is lost on shutdown");
            return LocalPostgres.startThrowAway(unsafeFastWrites);
        }
        if (unsafeFastWrites) {
            log.warn("DATABASE: unsafe fast writes (fsync and synchronous_commit off): a crash can lose the last "
                    + "writes, and an OS crash or power cut can corrupt the database");
        }
        Path dataDirectory = dataDirectory(directory);
        LocalPostgres postgres = LocalPostgres.startKeeping(dataDirectory, unsafeFastWrites);
        log.warn("DATABASE: embedded PostgreSQL with data in {}, reachable only by this user through {}. "
                + "For production, set TASKSTREAM_DB_URL.", dataDirectory, postgres.socket());
        return postgres;
    }

    static Path dataDirectory(String setting) {
        return Path.of(setting).toAbsolutePath().normalize();
    }

    /** Pool settings ({@code spring.datasource.hikari.*}) apply here as they would to Boot's own pool. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setDataSourceProperties(postgres.connectionProperties());
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
