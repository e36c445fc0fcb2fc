package dev.taskstream.server;

import static dev.taskstream.server.support.Eventually.BOUND;
import static dev.taskstream.server.support.Eventually.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's tags: made on the fly or on purpose, renamed once for every task, deleted from every task. */
@ServerTest
class TagsTest {

    @LocalServerPort
    int port;

    private ApiClient user;

    @BeforeEach
    void newUser() {
        user = ApiClient.newUser(port);
    }

    @Test
    void taggingWithANewNameCreatesTheTagAndTheListCountsItsTasks() {
        create("{\"title\":\"sweep\",\"tags\":[\"home\"]}");
        create("{\"title\":\"weed\",\"tags\":[\"HOME\",\"garden\"]}");

        JsonNode tags = await().atMost(BOUND).until(() -> user.get("/api/tags").body(), list -> list.size() == 2
                && count(list, "home") == 2);

        assertThat(names(tags)).containsExactly("garden", "home");
        assertThat(count(tags, "garden")).isEqualTo(1);
    }

    @Test
    void aTagMadeOnPurposeIsUsedByNameWhateverTheCase() {
        Response made = user.post("/api/tags", "{\"name\":\"Errands\",\"colour\":\"#FF8800\"}");
        assertThat(made.status()).isEqualTo(201);
        String task = create("{\"title\":\"post office\",\"tags\":[\"errands\"]}");

        JsonNode view = Eventually.task(user, task, 0);

        assertThat(view.get("tags")).hasSize(1);
        assertThat(view.get("tags").get(0).get("id").asText()).isEqualTo(made.text("id"));
        assertThat(view.get("tags").get(0).get("name").asText()).isEqualTo("Errands");
        assertThat(view.get("tags").get(0).get("colour").asText()).isEqualTo("#ff8800");
    }

    @Test
    void namesAreUniquePerUserIgnoringCaseButFreeAcrossUsers() {
        assertThat(user.post("/api/tags", "{\"name\":\"Work\"}").status()).isEqualTo(201);

        Response again = user.post("/api/tags", "{\"name\":\" work \"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("TAG_NAME_TAKEN");
        assertThat(again.text("field")).isEqualTo("name");
        assertThat(ApiClient.newUser(port).post("/api/tags", "{\"name\":\"work\"}").status()).isEqualTo(201);
    }

    @Test
    void renamingATagShowsOnEveryTaskAtOnce() {
        String first = create("{\"title\":\"a\",\"tags\":[\"hom\"]}");
        String second = create("{\"title\":\"b\",\"tags\":[\"hom\"]}");
        items(user, "/api/tasks?tag=hom", 2);
        String tag = Eventually.task(user, first, 0).get("tags").get(0).get("id").asText();

        assertThat(user.patch("/api/tags/" + tag, "{\"name\":\"Home\",\"colour\":\"#00aa00\"}").status()).isEqualTo(200);

        items(user, "/api/tasks?tag=home", 2);
        for (String task : List.of(first, second)) {
            JsonNode shown = user.get("/api/tasks/" + task).body().get("tags").get(0);
            assertThat(shown.get("name").asText()).isEqualTo("Home");
            assertThat(shown.get("colour").asText()).isEqualTo("#00aa00");
            assertThat(user.get("/api/tasks/" + task).body().get("version").asLong()).as("no task event").isZero();
        }
        assertThat(user.get("/api/tasks?tag=hom").body().get("items")).isEmpty();
    }

    @Test
    void deletingATagTakesItOffEveryTask() {
        String task = create("{\"title\":\"a\",\"tags\":[\"temp\",\"keep\"]}");
        items(user, "/api/tasks?tag=temp", 1);
        String temp = tagId("temp");

        assertThat(user.delete("/api/tags/" + temp).status()).isEqualTo(204);

        await().atMost(BOUND).until(() -> names(user.get("/api/tags").body()).equals(List.of("keep")));
        assertThat(user.get("/api/tasks?tag=temp").body().get("items")).isEmpty();
        assertThat(names(user.get("/api/tasks/" + task).body().get("tags"))).containsExactly("keep");
        assertThat(user.delete("/api/tags/" + temp).status()).isEqualTo(404);

        assertThat(user.patch("/api/tasks/" + task, "{\"addTags\":[\"temp\"]}").status()).isEqualTo(200);
        JsonNode retagged = Eventually.task(user, task, 1);
        assertThat(names(retagged.get("tags"))).containsExactlyInAnyOrder("keep", "temp");
    }

    @Test
    void anUpdateAddsAndRemovesTagsByName() {
        String task = create("{\"title\":\"a\",\"tags\":[\"one\",\"two\"]}");
        Eventually.task(user, task, 0);

        Response updated = user.patch("/api/tasks/" + task, "{\"addTags\":[\"three\"],\"removeTags\":[\"ONE\",\"never-was\"]}");

        assertThat(updated.status()).isEqualTo(200);
        JsonNode view = Eventually.task(user, task, updated.body().get("version").asLong());
        assertThat(names(view.get("tags"))).containsExactlyInAnyOrder("two", "three");
    }

    @Test
    void aTaskCarriesAtMostTwentyTagsOfAtMostFiftyCharacters() {
        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.toList());
        Response tooMany = user.post("/api/tasks", "{\"title\":\"a\",\"tags\":[" + String.join(",", twentyOne) + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("field")).isEqualTo("tags");

        Response tooLong = user.post("/api/tasks", "{\"title\":\"a\",\"tags\":[\"" + "x".repeat(51) + "\"]}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("field")).isEqualTo("tags");

        Response badColour = user.post("/api/tags", "{\"name\":\"ok\",\"colour\":\"red\"}");
        assertThat(badColour.status()).isEqualTo(400);
        assertThat(badColour.text("field")).isEqualTo("colour");
    }

    @Test
    void nobodyElseCanRenameOrDeleteATag() {
        String tag = user.post("/api/tags", "{\"name\":\"mine\"}").text("id");
        ApiClient stranger = ApiClient.newUser(port);

        Response rename = stranger.patch("/api/tags/" + tag, "{\"name\":\"theirs\"}");
        Response delete = stranger.delete("/api/tags/" + tag);
        Response missing = user.delete("/api/tags/1f0c6a4e-7d8b-4a53-9c1e-2b3d4e5f6a7b");

        assertThat(rename.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(rename.text("code")).isEqualTo("TAG_NOT_FOUND").isEqualTo(missing.text("code"));
        assertThat(rename.text("detail").replace(tag, "ID"))
                .isEqualTo(missing.text("detail").replace("1f0c6a4e-7d8b-4a53-9c1e-2b3d4e5f6a7b", "ID"));
        await().atMost(BOUND).until(() -> names(user.get("/api/tags").body()).equals(List.of("mine")));
    }

    private String create(String json) {
        Response created = user.post("/api/tasks", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String tagId(String name) {
        for (JsonNode tag : user.get("/api/tags").body()) {
            if (tag.get("name").asText().equals(name)) {
                return tag.get("id").asText();
            }
        }
        throw new AssertionError("no tag " + name);
    }

    private static List<String> names(JsonNode tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(tag -> names.add(tag.get("name").asText()));
        return names;
    }

    private static long count(JsonNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.get("name").asText().equals(name)) {
                return tag.get("taskCount").asLong();
            }
        }
        return -1;
    }
}
