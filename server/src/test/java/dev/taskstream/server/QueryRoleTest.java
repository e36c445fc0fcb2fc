package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The same jar, started as a read replica: it answers reads and has no write endpoints at all. */
@ServerTest(properties = "taskstream.roles=query")
class QueryRoleTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void aQueryOnlyServerServesReadsButNoWrites() {
        ApiClient user = ApiClient.newUser(port);
        String someTask = "/api/tasks/0b8f6a53-4a4c-4d53-9a5e-8a8f0c1f3e11";

        assertThat(user.get("/api/tasks").status()).isEqualTo(200);
        assertThat(user.get(someTask).status()).isEqualTo(404);
        assertThat(user.get(someTask + "/history").status()).as("the event store is read in this role too").isEqualTo(404);

        assertThat(user.post("/api/tasks", "{\"title\":\"Nope\"}").status()).isEqualTo(405);
        assertThat(user.patch(someTask, "{\"title\":\"Nope\"}").status()).isEqualTo(405);
        assertThat(user.delete(someTask).status()).isEqualTo(405);
        assertThat(user.post(someTask + "/complete").status()).isEqualTo(404);
    }

    /**
     * A process without sagas must not run the deadline scheduler: it would pick other processes' due reminders
     * from the shared table, find no saga to hand them to, and mark them done (this happened: issue 9).
     */
    @Test
    void aQueryOnlyServerRunsNoDeadlines() {
        assertThat(context.getBeanProvider(Scheduler.class).getIfAvailable()).isNull();
    }
}
