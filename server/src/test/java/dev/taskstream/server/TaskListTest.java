package dev.taskstream.server;

import static dev.taskstream.server.support.Eventually.items;
import static dev.taskstream.server.support.Eventually.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Filters, sorts and pages of {@code GET /api/tasks}, over HTTP, as a client would use them. */
@ServerTest
class TaskListTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    private ApiClient user;

    @BeforeEach
    void newUser() {
        user = ApiClient.newUser(port);
    }

    @Test
    void filtersByStatus() {
        String done = create("{\"title\":\"done\"}");
        create("{\"title\":\"open 1\"}");
        create("{\"title\":\"open 2\"}");
        user.post("/api/tasks/" + done + "/complete");
        Eventually.task(user, done, 1);

        assertThat(titles(items(user, "/api/tasks?status=open&sort=title", 2))).containsExactly("open 1", "open 2");
        assertThat(titles(items(user, "/api/tasks?status=completed", 1))).containsExactly("done");
        assertThat(items(user, "/api/tasks?status=all", 3)).hasSize(3);
    }

    @Test
    void filtersByOneOrSeveralPriorities() {
        create("{\"title\":\"high\",\"priority\":\"HIGH\"}");
        create("{\"title\":\"low\",\"priority\":\"LOW\"}");
        create("{\"title\":\"none\"}");
        items(user, "/api/tasks", 3);

        assertThat(titles(user.get("/api/tasks?priority=HIGH").body().get("items"))).containsExactly("high");
        assertThat(titles(user.get("/api/tasks?priority=high,low&sort=title").body().get("items")))
                .containsExactly("high", "low");
        assertThat(titles(user.get("/api/tasks?priority=HIGH&priority=NONE&sort=title").body().get("items")))
                .containsExactly("high", "none");
    }

    @Test
    void filtersByTagsWithAnyOrAll() {
        create("{\"title\":\"sweep\",\"tags\":[\"home\"]}");
        create("{\"title\":\"weed\",\"tags\":[\"Home\",\"garden\"]}");
        create("{\"title\":\"report\",\"tags\":[\"work\"]}");
        items(user, "/api/tasks", 3);

        assertThat(titles(user.get("/api/tasks?tag=home&sort=title").body().get("items"))).containsExactly("sweep", "weed");
        assertThat(titles(user.get("/api/tasks?tag=HOME&tag=garden&tagMode=all").body().get("items")))
                .containsExactly("weed");
        assertThat(titles(user.get("/api/tasks?tag=garden&tag=work&tagMode=any&sort=title").body().get("items")))
                .containsExactly("report", "weed");
        assertThat(user.get("/api/tasks?tag=home&tag=nowhere&tagMode=all").body().get("items")).isEmpty();
        assertThat(titles(user.get("/api/tasks?tag=nowhere&tag=work").body().get("items"))).containsExactly("report");
    }

    @Test
    void filtersByDueRangeOverdueAndHavingADueDate() {
        String lateButDone = create(dueTask("late but done", TODAY.minusDays(1)));
        create(dueTask("late", TODAY.minusDays(1)));
        create(dueTask("tomorrow", TODAY.plusDays(1)));
        create(dueTask("next month", TODAY.plusDays(40)));
        create("{\"title\":\"someday\"}");
        user.post("/api/tasks/" + lateButDone + "/complete");
        Eventually.task(user, lateButDone, 1);

        assertThat(titles(items(user, "/api/tasks?overdue=true", 1))).containsExactly("late");
        assertThat(titles(user.get("/api/tasks?hasDue=false").body().get("items"))).containsExactly("someday");
        assertThat(user.get("/api/tasks?hasDue=true").body().get("items")).hasSize(4);
        assertThat(titles(user.get("/api/tasks?dueFrom=" + TODAY + "&dueTo=" + TODAY.plusDays(7)).body().get("items")))
                .containsExactly("tomorrow");
        assertThat(titles(user.get("/api/tasks?dueTo=" + TODAY.minusDays(1) + "&status=open").body().get("items")))
                .containsExactly("late");
        // An instant bound compares with the deadline, which for an all-day task is the end of its day.
        String fromInstant = TODAY.plusDays(2).atTime(12, 0).atOffset(ZoneOffset.UTC).toString();
        assertThat(titles(user.get("/api/tasks?dueFrom=" + fromInstant).body().get("items"))).containsExactly("next month");
        assertThat(titles(user.get("/api/tasks?overdue=false&hasDue=true&sort=due").body().get("items")))
                .containsExactly("late but done", "tomorrow", "next month");
    }

    @Test
    void sortsByEveryKeyInBothDirections() {
        create("{\"title\":\"banana\",\"priority\":\"LOW\"," + due(TODAY.plusDays(2)) + "}");
        create("{\"title\":\"Apple\",\"priority\":\"HIGH\"}");
        create("{\"title\":\"cherry\",\"priority\":\"HIGH\"," + due(TODAY.plusDays(1)) + "}");
        items(user, "/api/tasks", 3);

        assertThat(titles(user.get("/api/tasks?sort=title").body().get("items"))).containsExactly("Apple", "banana", "cherry");
        assertThat(titles(user.get("/api/tasks?sort=-title").body().get("items"))).containsExactly("cherry", "banana", "Apple");
        assertThat(titles(user.get("/api/tasks?sort=due").body().get("items"))).containsExactly("cherry", "banana", "Apple");
        assertThat(titles(user.get("/api/tasks?sort=-priority,title").body().get("items")))
                .containsExactly("Apple", "cherry", "banana");
        assertThat(titles(user.get("/api/tasks?sort=priority,-title").body().get("items")))
                .containsExactly("banana", "cherry", "Apple");
        assertThat(titles(user.get("/api/tasks?sort=created").body().get("items"))).containsExactly("banana", "Apple", "cherry");
        assertThat(titles(user.get("/api/tasks").body().get("items"))).containsExactly("cherry", "Apple", "banana");

        String banana = user.get("/api/tasks?sort=title&limit=2").body().get("items").get(1).get("id").asText();
        user.patch("/api/tasks/" + banana, "{\"description\":\"ripe\"}");
        Eventually.task(user, banana, 1);
        assertThat(titles(user.get("/api/tasks?sort=-updated").body().get("items")).get(0)).isEqualTo("banana");
    }

    @Test
    void combinesSearchTagPriorityAndSort() {
        create("{\"title\":\"Call the plumber\",\"priority\":\"HIGH\",\"tags\":[\"home\"]}");
        create("{\"title\":\"Call mum\",\"priority\":\"HIGH\",\"tags\":[\"family\"]}");
        create("{\"title\":\"Call the bank\",\"priority\":\"LOW\",\"tags\":[\"home\"]}");
        create("{\"title\":\"Call the electrician\",\"priority\":\"MEDIUM\",\"tags\":[\"home\"]}");
        create("{\"title\":\"Fix the sink\",\"priority\":\"HIGH\",\"tags\":[\"home\"]}");
        items(user, "/api/tasks", 5);

        Response found = user.get("/api/tasks?q=call&tag=home&priority=HIGH,MEDIUM&sort=-priority&count=true");

        assertThat(titles(found.body().get("items"))).containsExactly("Call the plumber", "Call the electrician");
        assertThat(found.body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aCursorWalkInMixedOrderHasNoGapsOrRepeatsWhileTasksAreAdded() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String priority = List.of("HIGH", "LOW", "NONE").get(i % 3);
            before.add(create("{\"title\":\"task " + (char) ('a' + i) + "\",\"priority\":\"" + priority + "\"}"));
        }
        items(user, "/api/tasks?limit=200", 25);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10; i++) {
                create("{\"title\":\"task m" + i + "\",\"priority\":\"LOW\"}");
            }
        });

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = user.get("/api/tasks?sort=-priority,title&limit=4&count=true"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(item -> walked.add(item.get("id").asText()));
            cursor = page.body().get("nextCursor").isNull() ? null : page.text("nextCursor");
            pages++;
        } while (cursor != null);
        writer.get();

        assertThat(pages).isGreaterThan(6);
        assertThat(new HashSet<>(walked)).as("no repeats").hasSize(walked.size());
        assertThat(walked).as("no gaps").containsAll(before);
    }

    @Test
    void theTotalCountsEveryMatchNotJustThePage() {
        for (int i = 0; i < 5; i++) {
            create("{\"title\":\"t" + i + "\"}");
        }
        items(user, "/api/tasks", 5);

        Response page = user.get("/api/tasks?limit=2&count=true");

        assertThat(page.body().get("items")).hasSize(2);
        assertThat(page.body().get("total").asLong()).isEqualTo(5);
        assertThat(user.get("/api/tasks?limit=2").body().has("total")).isFalse();
    }

    @Test
    void anotherUsersTasksNeverShow() {
        create("{\"title\":\"secret plan\",\"priority\":\"HIGH\",\"tags\":[\"private\"]}");
        items(user, "/api/tasks", 1);
        ApiClient stranger = ApiClient.newUser(port);

        for (String query : List.of("", "?q=secret", "?priority=HIGH", "?tag=private", "?status=all&count=true")) {
            JsonNode body = stranger.get("/api/tasks" + query).body();
            assertThat(body.get("items")).as(query).isEmpty();
        }
        assertThat(stranger.get("/api/tasks?count=true").body().get("total").asLong()).isZero();
        assertThat(stranger.get("/api/tags").body()).isEmpty();
    }

    @Test
    void badParametersAreRefusedByName() {
        Set<String> refused = new HashSet<>();
        for (String query : List.of("colour=red", "status=done", "priority=URGENT", "sort=colour", "tagMode=some",
                "dueFrom=yesterday", "overdue=yes", "limit=500", "q=", "count=maybe")) {
            Response response = user.get("/api/tasks?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            refused.add(response.text("field"));
        }
        assertThat(refused).containsExactlyInAnyOrder("colour", "status", "priority", "sort", "tagMode", "dueFrom",
                "overdue", "limit", "q", "count");

        for (int i = 0; i < 3; i++) {
            create("{\"title\":\"t" + i + "\"}");
        }
        items(user, "/api/tasks", 3);
        String titleCursor = user.get("/api/tasks?sort=title&limit=1").text("nextCursor");
        Response mismatch = user.get("/api/tasks?sort=due&limit=1&cursor=" + titleCursor);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text("field")).isEqualTo("cursor");
    }

    private String create(String json) {
        Response created = user.post("/api/tasks", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static String dueTask(String title, LocalDate date) {
        return "{\"title\":\"" + title + "\"," + due(date) + "}";
    }

    private static String due(LocalDate date) {
        return "\"due\":{\"date\":\"" + date + "\",\"timeZone\":\"UTC\"}";
    }
}
