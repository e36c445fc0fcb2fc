package dev.taskstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Events a processor parked because a handler failed on them (later events of the same task wait behind).",
                "list (default) shows them; retry [ID] delivers them again (all, or the sequence starting at ID);",
                "evict ID drops one for good."})
final class DeadLettersCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROCESSOR", description = "e.g. task-view (see: processors).")
    String processor;

    @Parameters(index = "1", paramLabel = "ACTION", arity = "0..1", defaultValue = "list",
            description = "list, retry or evict (default: ${DEFAULT-VALUE}).")
    String action;

    @Parameters(index = "2", paramLabel = "ID", arity = "0..1", description = "A dead letter's id, as listed.")
    String id;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String base = "/api/admin/processors/" + Connection.encode(processor) + "/dead-letters";
        JsonNode letters = switch (action) {
            case "list" -> connection.get(base);
            case "retry" -> connection.post(id == null ? base + "/retry" : base + "/" + Connection.encode(id) + "/retry");
            case "evict" -> {
                if (id == null) {
                    throw new Failure(Cli.EXIT_USAGE, "evict needs the ID of a dead letter (see: dead-letters " + processor + ").");
                }
                yield connection.delete(base + "/" + Connection.encode(id));
            }
            default -> throw new Failure(Cli.EXIT_USAGE, "ACTION is list, retry or evict, not " + action + ".");
        };
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Connection.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(letters));
            return Cli.EXIT_OK;
        }
        if (letters.isEmpty()) {
            out.println("No dead letters in " + processor + ".");
            return Cli.EXIT_OK;
        }
        Table table = new Table("ID", "SEQUENCE", "TYPE", "ENQUEUED", "CAUSE");
        letters.forEach(letter -> table.row(letter.path("id").asText(), letter.path("sequence").asText(),
                letter.path("type").asText(), letter.path("enqueuedAt").asText(), letter.path("cause").asText()));
        table.print(out);
        return Cli.EXIT_OK;
    }
}
