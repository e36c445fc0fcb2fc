package dev.taskstream.server;

import static dev.taskstream.server.support.Eventually.items;
import static dev.taskstream.server.support.Eventually.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Full-text search as people type it: phrases, exclusions, alternatives, prefixes and accents. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    @LocalServerPort
    int port;

    private ApiClient user;

    @BeforeAll
    void tasksToSearch() {
        user = ApiClient.newUser(port);
        for (String task : List.of(
                "{\"title\":\"Buy milk today\"}",
                "{\"title\":\"Milk to buy for the party\"}",
                "{\"title\":\"Buy oat milk\"}",
                "{\"title\":\"Bake bread\"}",
                "{\"title\":\"Café crème with Zoë\"}",
                "{\"title\":\"Groceries\",\"description\":\"eggs, butter and milk\"}",
                "{\"title\":\"Milkshake machine repair\"}")) {
            assertThat(user.post("/api/tasks", task).status()).isEqualTo(201);
        }
        items(user, "/api/tasks", 7);
    }

    @Test
    void aQuotedPhraseMatchesOnlyThoseWordsInThatOrder() {
        assertThat(search("\"buy milk\"")).containsExactly("Buy milk today");
    }

    @Test
    void aMinusExcludesAWord() {
        assertThat(search("milk -oat -party -today")).containsExactlyInAnyOrder("Groceries");
    }

    @Test
    void orMatchesEither() {
        assertThat(search("bread or oat")).containsExactlyInAnyOrder("Bake bread", "Buy oat milk");
    }

    @Test
    void theLastWordMatchesAsAPrefixWhileTyping() {
        assertThat(search("bre")).containsExactly("Bake bread");
        assertThat(search("buy mil")).containsExactlyInAnyOrder("Buy milk today", "Milk to buy for the party", "Buy oat milk");
        assertThat(search("milk")).contains("Milkshake machine repair");
    }

    @Test
    void aSpaceAfterTheLastWordMakesItComplete() {
        assertThat(search("bre ")).isEmpty();
        assertThat(search("bread ")).containsExactly("Bake bread");
        assertThat(search("milk ")).doesNotContain("Milkshake machine repair").hasSize(4);
    }

    @Test
    void accentsDoNotMatter() {
        assertThat(search("cafe creme")).containsExactly("Café crème with Zoë");
        assertThat(search("ZOE")).containsExactly("Café crème with Zoë");
        assertThat(search("crème")).containsExactly("Café crème with Zoë");
    }

    @Test
    void aTitleMatchRanksAboveADescriptionMatch() {
        List<String> ranked = search("butter or bread");
        assertThat(ranked).containsExactly("Bake bread", "Groceries");
    }

    @Test
    void relevancePagesThroughTitleMatchesNewestFirstThenDescriptionMatches() {
        ApiClient gardener = ApiClient.newUser(port);
        for (String task : List.of(
                "{\"title\":\"Water plants\"}",
                "{\"title\":\"Repot\",\"description\":\"the big plants first\"}",
                "{\"title\":\"Buy plants\"}",
                "{\"title\":\"Compost\",\"description\":\"for the plants\"}",
                "{\"title\":\"Plants for the balcony\"}")) {
            gardener.post("/api/tasks", task);
        }
        items(gardener, "/api/tasks", 5);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var page = gardener.get("/api/tasks?q=plants&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(titles(page.body().get("items")));
            cursor = page.body().get("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);

        assertThat(walked).containsExactly("Plants for the balcony", "Buy plants", "Water plants", "Compost", "Repot");
    }

    @Test
    void aSearchWithNoMatchIsAnEmptyPage() {
        assertThat(search("unicorn")).isEmpty();
        assertThat(search("\"milk buy\"")).isEmpty();
        assertThat(search("-milk -bread -buy -cafe -groceries -milkshake")).isEmpty();
    }

    @Test
    void punctuationAndOperatorsAloneAreHarmless() {
        for (String odd : List.of("\"", "-", "or", "!!", "'", ":*", "(a", "\\")) {
            assertThat(user.get("/api/tasks?q=" + encode(odd)).status()).as(odd).isEqualTo(200);
        }
    }

    private List<String> search(String query) {
        return titles(user.get("/api/tasks?q=" + encode(query)).body().get("items"));
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
