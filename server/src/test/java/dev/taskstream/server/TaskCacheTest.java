package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.ServerTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasks are cached between commands. A write stored past the cache (as a second command process would store it)
 * costs the cached copy one 409, after which it is read again; with the cache off, the next write just succeeds.
 * Either way nothing is overwritten: the version check of the append holds.
 */
class TaskCacheTest {

    @Nested
    @ServerTest
    class CacheOn {

        @LocalServerPort
        int port;

        @Autowired
        EventStore events;

        @Test
        void aStaleCopyIsRefusedOnceThenReadAgain() {
            ApiClient user = ApiClient.newUser(port);
            String id = renamedElsewhere(user, events);

            Response stale = user.patch("/api/tasks/" + id, "{\"title\":\"Mine\"}");
            Response again = user.patch("/api/tasks/" + id, "{\"title\":\"Mine\"}");

            assertThat(stale.status()).isEqualTo(409);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().get("version").asLong()).isEqualTo(3);
        }

        /** Weak references would lose every task at the next collection; the cache keeps them until memory is short. */
        @Test
        void aCopyOutlivesAGarbageCollection() {
            ApiClient user = ApiClient.newUser(port);
            String id = renamedElsewhere(user, events);
            System.gc();

            assertThat(user.patch("/api/tasks/" + id, "{\"title\":\"Mine\"}").status()).as("the cached copy, now stale")
                    .isEqualTo(409);
        }
    }

    @Nested
    @ServerTest(properties = "taskstream.command.task-cache=false")
    class CacheOff {

        @LocalServerPort
        int port;

        @Autowired
        EventStore events;

        @Test
        void everyCommandReadsTheTask() {
            ApiClient user = ApiClient.newUser(port);
            String id = renamedElsewhere(user, events);

            Response patched = user.patch("/api/tasks/" + id, "{\"title\":\"Mine\"}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.body().get("version").asLong()).isEqualTo(3);
        }
    }

    /** Creates and completes a task over HTTP (so a cache holds it), then stores a rename straight in the store. */
    private static String renamedElsewhere(ApiClient user, EventStore events) {
        String id = user.post("/api/tasks", "{\"title\":\"Cached\"}").text("id");
        assertThat(user.post("/api/tasks/" + id + "/complete").status()).isEqualTo(200);
        events.publish(new GenericDomainEventMessage<>("Task", id, 2, new TaskRenamed(TaskId.of(id), "Elsewhere")));
        return id;
    }
}
