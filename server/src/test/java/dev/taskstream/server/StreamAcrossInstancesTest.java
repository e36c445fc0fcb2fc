package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.SecondInstance;
import dev.taskstream.server.support.ServerTest;
import dev.taskstream.server.support.StreamClient;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
        try (ConfigurableApplicationContext replica = SecondInstance.start(dataSource, "--taskstream.roles=query")) {
            int replicaPort = SecondInstance.port(replica);
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
