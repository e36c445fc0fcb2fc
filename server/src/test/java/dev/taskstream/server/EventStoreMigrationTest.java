package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.server.support.Eventually;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database that main's JPA event store wrote (schema V1-V7, events with Hibernate-drawn global indexes) is
 * upgraded by starting this version on it: the old events load into aggregates and the read model, new events
 * are numbered after them, a reused id is still refused, and processors carry on from the tokens they had stored.
 */
class EventStoreMigrationTest {

    private static final UserId OWNER = UserId.of("9e895f45-c354-4dea-969b-d5fd87e107d3");
    private static final TaskId RENAMED = TaskId.of("8867b8c8-71a4-458d-854e-fb62ab517adf");
    private static final TaskId REOPENED = TaskId.of("5253ee18-61c5-47c1-8e9c-b12a63ada851");

    @Test
    void eventsWrittenBeforeTheJdbcEngineStillLoad() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .target("7").load().migrate();
            JdbcClient.create(postgres.getPostgresDatabase()).sql(new ClassPathResource(
                    "migration/events-written-by-v7.sql").getContentAsString(StandardCharsets.UTF_8)).update();

            try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TaskstreamApplication.class)
                    .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres")) {
                CommandGateway commands = server.getBean(CommandGateway.class);
                JdbcClient jdbc = server.getBean(JdbcClient.class);

                assertThat((Long) commands.sendAndWait(new CompleteTask(RENAMED, OWNER))).isEqualTo(2);
                assertThat((Long) commands.sendAndWait(new CompleteTask(REOPENED, OWNER))).isEqualTo(3);
                assertThatThrownBy(() -> commands.sendAndWait(new CreateTask(RENAMED, OWNER, "Again", null, null,
                        null, null, null)))
                        .hasMessageContaining("is taken");

                List<Map<String, Object>> events = jdbc.sql("SELECT global_index, aggregate_identifier, sequence_number"
                        + " FROM domain_event_entry ORDER BY global_index").query().listOfRows();
                assertThat(events).extracting(row -> row.get("global_index")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
                assertThat(events.subList(5, 7)).extracting(row -> row.get("aggregate_identifier") + "/"
                        + row.get("sequence_number")).containsExactly(RENAMED + "/2", REOPENED + "/3");

                await().atMost(Eventually.BOUND).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT task_id::text || ' ' || title || ' ' || status || ' ' || version FROM task_view"
                                + " ORDER BY title").query(String.class).list()).containsExactly(
                        RENAMED + " Renamed before the upgrade COMPLETED 2",
                        REOPENED + " Water the fern COMPLETED 3"));
                await().atMost(Eventually.BOUND).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT processor_name || ' ' || convert_from(token, 'UTF8') FROM token_entry"
                                + " WHERE processor_name IN ('series-view', 'recurrence') ORDER BY 1")
                        .query(String.class).list()).containsExactly(
                        "recurrence {\"index\":7,\"gaps\":[]}", "series-view {\"index\":7,\"gaps\":[]}"));
            }
        }
    }
}
