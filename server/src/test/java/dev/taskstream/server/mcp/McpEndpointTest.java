package dev.taskstream.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An assistant drives the MCP endpoint with the SDK's own client over HTTP, as each of two users. */
@ServerTest
class McpEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<McpSyncClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    @Test
    void anAssistantFindsAndChangesTheUsersTasksAndEachWriteIsReadableAtOnce() {
        McpSyncClient ann = assistantOf(ApiClient.newUser(port));

        assertThat(ann.listTools().tools()).extracting(Tool::name).containsExactlyInAnyOrder("list_tasks", "get_task",
                "task_history", "list_tags", "create_task", "update_task", "complete_task", "reopen_task", "delete_task",
                "list_series", "update_series", "skip_occurrence", "stop_series");

        Map<String, Object> created = ok(ann.callTool(call("create_task", Map.of("title", "Buy oat milk",
                "priority", "HIGH", "tags", List.of("groceries"),
                "due", Map.of("date", "2026-12-24", "time", "17:30", "timeZone", "Europe/Berlin")))));
        assertThat(created).containsEntry("title", "Buy oat milk").containsEntry("priority", "HIGH")
                .containsEntry("status", "OPEN").containsEntry("version", 0);
        assertThat(created.get("dueAt")).isEqualTo("2026-12-24T16:30:00Z");
        String id = (String) created.get("id");

        // No waiting: the write answered once reads show it.
        assertThat(items(ok(ann.callTool(call("list_tasks", Map.of("q", "oat", "status", "open"))))))
                .extracting(task -> task.get("id")).containsExactly(id);
        assertThat(items(ok(ann.callTool(call("list_tags", Map.of()))))).extracting(tag -> tag.get("name"))
                .containsExactly("groceries");

        Map<String, Object> renamed = ok(ann.callTool(call("update_task", Map.of("id", id, "version", 0,
                "title", "Buy oat and rice milk", "addTags", List.of("shop")))));
        assertThat(renamed).containsEntry("title", "Buy oat and rice milk").containsEntry("version", 2);
        CallToolResult stale = ann.callTool(call("update_task", Map.of("id", id, "version", 0, "title", "Buy milk")));
        assertThat(stale.isError()).isTrue();
        assertThat(stale.structuredContent()).asInstanceOf(MAP)
                .containsEntry("code", "EDIT_CONFLICT");

        assertThat(ok(ann.callTool(call("complete_task", Map.of("id", id))))).containsEntry("status", "COMPLETED");
        assertThat(ok(ann.callTool(call("reopen_task", Map.of("id", id, "version", 3))))).containsEntry("status", "OPEN");
        assertThat(items(ok(ann.callTool(call("task_history", Map.of("id", id)))))).hasSize(5);
        CallToolResult beforeItExisted = ann.callTool(call("get_task", Map.of("id", id, "asOf", "2000-01-01T00:00:00Z")));
        assertThat(beforeItExisted.isError()).isTrue();

        ok(ann.callTool(call("delete_task", Map.of("id", id))));
        CallToolResult gone = ann.callTool(call("get_task", Map.of("id", id)));
        assertThat(gone.isError()).isTrue();
        assertThat(text(gone)).isEqualTo("Nothing with id " + id + " is yours.");
    }

    @Test
    void anAssistantSetsUpARecurringTaskThenSkipsAndStopsIt() {
        McpSyncClient ann = assistantOf(ApiClient.newUser(port));
        Map<String, Object> first = ok(ann.callTool(call("create_task", Map.of("title", "Put the bins out",
                "due", Map.of("date", "2026-12-01", "time", "07:00", "timeZone", "Europe/Berlin"),
                "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=TU,FR")))));
        String series = (String) first.get("seriesId");
        assertThat(series).isNotNull();

        Map<String, Object> listed = items(ok(ann.callTool(call("list_series", Map.of())))).get(0);
        assertThat(listed).containsEntry("id", series).containsEntry("rule", "FREQ=WEEKLY;BYDAY=TU,FR")
                .containsEntry("nextTaskId", first.get("id")).containsEntry("status", "ACTIVE");

        Map<String, Object> skipped = ok(ann.callTool(call("skip_occurrence", Map.of("id", series))));
        assertThat(skipped).containsEntry("occurrenceCount", 2);
        assertThat(skipped.get("nextDueAt")).isEqualTo("2026-12-04T06:00:00Z");
        assertThat(ok(ann.callTool(call("update_series", Map.of("id", series, "title", "Bins out")))))
                .containsEntry("title", "Bins out");
        assertThat(ok(ann.callTool(call("stop_series", Map.of("id", series))))).containsEntry("status", "STOPPED");
        assertThat(items(ok(ann.callTool(call("list_series", Map.of("status", "ACTIVE")))))).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedNamingTheArgumentAndStoreNothing() {
        McpSyncClient ann = assistantOf(ApiClient.newUser(port));
        long eventsBefore = storedEvents();

        assertRefused(ann.callTool(call("create_task", Map.of("title", "x", "priority", "URGENT"))), "priority");
        assertRefused(ann.callTool(call("create_task", Map.of("title", "x", "colour", "red"))), "colour");
        assertRefused(ann.callTool(call("create_task", Map.of("title", List.of(1)))), "title");
        assertRefused(ann.callTool(call("create_task", Map.of("title", "x",
                "due", Map.of("date", "2026-02-30", "timeZone", "UTC")))), "(field: due.date)");
        assertRefused(ann.callTool(call("create_task", Map.of("title", "a\u0000b"))), "(field: title)");
        assertRefused(ann.callTool(call("create_task", Map.of("title", "x", "recurrence", Map.of("rule", "FREQ=DAILY")))),
                "(field: due)");
        assertRefused(ann.callTool(call("get_task", Map.of("id", "42"))), "$.id");
        assertRefused(ann.callTool(call("list_tasks", Map.of("limit", 1000))), "limit");
        assertRefused(ann.callTool(call("list_tasks", Map.of("sort", "colour"))), "(field: sort)");
        assertThatThrownBy(() -> ann.callTool(call("no_such_tool", Map.of()))).hasMessageContaining("Unknown tool");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void anAssistantOfOneUserCanNeitherSeeNorChangeAnothersTasks() {
        McpSyncClient ann = assistantOf(ApiClient.newUser(port));
        McpSyncClient bob = assistantOf(ApiClient.newUser(port));
        String id = (String) ok(ann.callTool(call("create_task", Map.of("title", "Ann's secret", "tags", List.of("ann")))))
                .get("id");

        for (String tool : List.of("get_task", "task_history", "complete_task", "reopen_task", "delete_task")) {
            CallToolResult refused = bob.callTool(call(tool, Map.of("id", id)));
            assertThat(refused.isError()).as(tool).isTrue();
            assertThat(refused.structuredContent()).as(tool).asInstanceOf(MAP)
                    .containsEntry("code", "TASK_NOT_FOUND");
        }
        assertThat(bob.callTool(call("update_task", Map.of("id", id, "title", "Bob's now"))).isError()).isTrue();
        String series = (String) ok(ann.callTool(call("create_task", Map.of("title", "Ann's daily",
                "due", Map.of("date", "2026-12-01", "timeZone", "UTC"), "recurrence", Map.of("preset", "daily")))))
                .get("seriesId");
        for (String tool : List.of("skip_occurrence", "stop_series", "update_series")) {
            CallToolResult refused = bob.callTool(call(tool, Map.of("id", series)));
            assertThat(refused.isError()).as(tool).isTrue();
            assertThat(refused.structuredContent()).as(tool).asInstanceOf(MAP).containsEntry("code", "SERIES_NOT_FOUND");
        }
        assertThat(items(ok(bob.callTool(call("list_series", Map.of()))))).isEmpty();
        assertThat(items(ok(ann.callTool(call("list_series", Map.of()))))).singleElement().asInstanceOf(MAP)
                .containsEntry("status", "ACTIVE").containsEntry("occurrenceCount", 1);
        assertThat(items(ok(bob.callTool(call("list_tasks", Map.of("q", "secret")))))).isEmpty();
        assertThat(items(ok(bob.callTool(call("list_tags", Map.of()))))).isEmpty();

        assertThat(ok(ann.callTool(call("get_task", Map.of("id", id))))).containsEntry("title", "Ann's secret")
                .containsEntry("status", "OPEN").containsEntry("version", 0);
    }

    @Test
    void aMalformedMessageIsA400WithAJsonRpcErrorAndNoStackTrace() throws Exception {
        String token = ApiClient.newUser(port).token();
        String accept = "application/json, text/event-stream";
        Map<String, Integer> codes = Map.of(
                "not json", -32700,
                "[]", -32602,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\"}", -32602,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":\"x\"}", -32602,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tasks\",\"arguments\":[1]}}", -32602);
        for (Map.Entry<String, Integer> message : codes.entrySet()) {
            HttpResponse<String> answer = post(token, accept, message.getKey());
            assertThat(answer.statusCode()).as(message.getKey()).isEqualTo(400);
            Map<?, ?> body = new ObjectMapper().readValue(answer.body(), Map.class);
            assertThat(body.get("jsonrpc")).as(answer.body()).isEqualTo("2.0");
            assertThat(((Map<?, ?>) body.get("error")).get("code")).as(answer.body()).isEqualTo(message.getValue());
        }

        HttpResponse<String> withoutAccept = post(token, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(withoutAccept.statusCode()).isEqualTo(400);
        assertThat(withoutAccept.body()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{").doesNotContain("stackTrace");

        assertThat(post(token, accept, "{\"x\":\"" + "a".repeat(300_000) + "\"}").statusCode()).isEqualTo(413);
        assertRefused(assistantOf(ApiClient.newUser(port)).callTool(call("get_task", Map.of("id", "x\u0000"))), "$.id");
    }

    private HttpResponse<String> post(String token, String accept, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAValidTokenTheEndpointAnswers401() throws Exception {
        String initialize = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";
        for (String authorization : new String[] {null, "Bearer not-a-token"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(initialize));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(answer.body()).contains("\"status\":401");
        }
    }

    /** The user makes an app token for the assistant, as the README says, and the assistant connects with it. */
    private McpSyncClient assistantOf(ApiClient user) {
        String appToken = user.post("/api/auth/tokens", "{\"name\":\"assistant\"}").text("token");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + appToken))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .jsonSchemaValidator(new McpToolInputs(new ObjectMapper())).build();
        client.initialize();
        clients.add(client);
        return client;
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments) {
        return new CallToolRequest(tool, arguments);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ok(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static String text(CallToolResult result) {
        return result.content().stream().map(content -> ((TextContent) content).text()).reduce("", String::concat);
    }

    private static void assertRefused(CallToolResult result, String naming) {
        assertThat(result.isError()).as(text(result)).isTrue();
        assertThat(text(result)).contains(naming);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
