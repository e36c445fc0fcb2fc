package dev.taskstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "processors", mixinStandardHelpOptions = true,
        description = "Each event processor: mode, segments, position, lag behind the head of the store, "
                + "replaying or not, dead letters.")
final class ProcessorsCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        JsonNode processors = connection.get("/api/admin/processors");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Connection.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(processors));
            return Cli.EXIT_OK;
        }
        Table table = new Table("PROCESSOR", "MODE", "RUNNING", "SEGMENTS", "POSITION", "HEAD", "LAG", "REPLAYING",
                "ERROR", "DEAD-LETTERS", "REBUILDABLE");
        processors.forEach(p -> table.row(p.path("name").asText(), p.path("mode").asText(), p.path("running").asBoolean(),
                p.path("segments").asInt(), number(p.path("position")), number(p.path("head")), number(p.path("lag")),
                p.path("replaying").asBoolean(), p.path("error").asBoolean(), number(p.path("deadLetters")),
                p.path("rebuildable").asBoolean()));
        table.print(out);
        return Cli.EXIT_OK;
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? value.asText() : "-";
    }
}
