package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import dev.taskstream.server.support.StreamClient;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database, as in split mode: a device streaming from a query-only instance sees a write
 * made through the other, and a ticket from one instance opens the stream on the other.
 */
@ServerTest
class StreamAcrossInstancesTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aDeviceOnAnotherQueryInstanceSeesTheChange() {
        HikariDataSource database = (HikariDataSource) dataSource;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--taskstream.roles=query",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + (database.getUsername() != null ? database.getUsername()
                        : database.getDataSourceProperties().getProperty("user")),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword())));
        // The embedded database is reached through a Unix socket, named in the driver's properties.
        database.getDataSourceProperties().forEach((name, value) ->
                arguments.add("--spring.datasource.hikari.data-source-properties." + name + "=" + value));
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run(arguments.toArray(String[]::new))) {
            int replicaPort = ((WebServerApplicationContext) replica).getWebServer().getPort();
            ApiClient ada = ApiClient.newUser(port);
            String ticketFromHere = StreamClient.ticket(ada);

            try (StreamClient device = StreamClient.connect(replicaPort, ticketFromHere, null).join()) {
                assertThat(device.next().path("type").asText()).isEqualTo("hello");
                String id = ada.post("/api/tasks", "{\"title\":\"Written on one, seen on the other\"}").text("id");
                assertThat(device.nextOfType("task.upserted").path("task").path("id").asText()).isEqualTo(id);
            }
        }
    }
}
