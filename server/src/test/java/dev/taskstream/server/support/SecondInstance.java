package dev.taskstream.server.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskstream.server.TaskstreamApplication;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Another instance of the server in this JVM, on the database of a test's server, as in split mode. */
public final class SecondInstance {

    private SecondInstance() {
    }

    public static ConfigurableApplicationContext start(DataSource dataSource, String... settings) {
        HikariDataSource database = (HikariDataSource) dataSource;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + (database.getUsername() != null ? database.getUsername()
                        : database.getDataSourceProperties().getProperty("user")),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword())));
        // The embedded database is reached through a Unix socket, named in the driver's properties.
        database.getDataSourceProperties().forEach((name, value) ->
                arguments.add("--spring.datasource.hikari.data-source-properties." + name + "=" + value));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(TaskstreamApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
