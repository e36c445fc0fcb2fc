package dev.taskstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"A task's history, oldest first: every event with who, when, from which device and what changed.",
                "With --as-of, the task as it was at that instant. Shows the token owner's tasks."})
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id (or, with --series, the series' id).")
    String id;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "An ISO date-time with offset, e.g. 2026-03-02T09:00:00Z.")
    String asOf;

    @Option(names = "--series", description = "ID is a recurring series.")
    boolean series;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Failure(Cli.EXIT_USAGE, "ID must be a UUID: " + id);
        }
        PrintWriter out = spec.commandLine().getOut();
        String base = (series ? "/api/series/" : "/api/tasks/") + id;
        if (asOf != null) {
            if (series) {
                throw new Failure(Cli.EXIT_USAGE, "--as-of reads tasks only.");
            }
            JsonNode task = connection.get(base + "?asOf=" + Connection.encode(asOf));
            out.println(json ? Connection.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(task) : describe(task));
            return Cli.EXIT_OK;
        }
        ArrayNode entries = Connection.JSON.createArrayNode();
        String cursor = null;
        do {
            JsonNode page = connection.get(base + "/history?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(entries::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        if (json) {
            out.println(Connection.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
        } else {
            Table table = new Table("SEQ", "AT", "TYPE", "ACTOR", "DEVICE", "CHANGES");
            entries.forEach(entry -> table.row(entry.path("sequence").asLong(), entry.path("at").asText(),
                    entry.path("type").asText(), text(entry.path("actor")), text(entry.path("deviceId")),
                    entry.path("summary").asText()));
            table.print(out);
        }
        return Cli.EXIT_OK;
    }

    private static String describe(JsonNode task) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {"id", "title", "description", "status", "due", "priority", "tags", "version"}) {
            JsonNode value = task.path(field);
            String shown = switch (field) {
                case "due" -> value.isNull() || value.isMissingNode() ? "-" : value.path("date").asText()
                        + (value.path("time").isNull() ? "" : " " + value.path("time").asText()) + " " + value.path("timeZone").asText();
                case "tags" -> {
                    StringBuilder names = new StringBuilder();
                    value.forEach(tag -> names.append(names.isEmpty() ? "" : ", ").append(tag.path("name").asText()));
                    yield names.isEmpty() ? "-" : names.toString();
                }
                default -> text(value);
            };
            text.append(String.format("%-12s %s%n", field + ":", shown));
        }
        return text.toString().stripTrailing();
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
