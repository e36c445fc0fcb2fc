package dev.taskstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuilds a processor's projections from the whole event store, showing progress.",
                "Reads keep answering from the current tables and switch when the rebuild has caught up."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "PROCESSOR", description = "e.g. task-view (see: processors).")
    String processor;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "500", description = "How often progress is shown.")
    long pollMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode status = find(connection.get("/api/admin/processors"));
        if (!yes && !confirmed(out, status)) {
            throw new Failure(Cli.EXIT_REFUSED, "Not confirmed; nothing was done (--yes skips the question).");
        }
        String path = "/api/admin/processors/" + Connection.encode(processor) + "/replay";
        JsonNode progress = connection.post(path);
        long started = System.nanoTime();
        boolean terminal = System.console() != null;
        while (!finished(progress)) {
            Thread.sleep(pollMillis);
            progress = connection.get(path);
            out.print(line(progress, System.nanoTime() - started) + (terminal ? "\r" : System.lineSeparator()));
            out.flush();
        }
        out.println(line(progress, System.nanoTime() - started));
        if (progress.path("state").asText().equals("FAILED")) {
            throw new Failure(Cli.EXIT_REFUSED, "The rebuild of " + processor + " failed, the old tables still answer: "
                    + progress.path("error").asText());
        }
        out.println("Rebuilt " + processor + ": " + String.format(Locale.ROOT, "%,d", progress.path("eventsDone").asLong())
                + " events; reads now come from the new tables.");
        return Cli.EXIT_OK;
    }

    private JsonNode find(JsonNode processors) {
        for (JsonNode candidate : processors) {
            if (candidate.path("name").asText().equals(processor)) {
                if (!candidate.path("rebuildable").asBoolean()) {
                    throw new Failure(Cli.EXIT_REFUSED, processor + " has no projections to rebuild on this server.");
                }
                return candidate;
            }
        }
        throw new Failure(Cli.EXIT_REFUSED, "No processor " + processor + " runs there; 'processors' lists them.");
    }

    private boolean confirmed(PrintWriter out, JsonNode status) throws IOException {
        out.print("Rebuild " + processor + " from all " + status.path("head").asText("?")
                + " events of the store? Reads go on meanwhile. [y/N] ");
        out.flush();
        String answer = cli.in.readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private static boolean finished(JsonNode progress) {
        String state = progress.path("state").asText();
        return state.equals("DONE") || state.equals("FAILED");
    }

    /** "RUNNING  510,000/1,000,000 events (51%)  16,400 events/s  ETA 30s" */
    static String line(JsonNode progress, long elapsedNanos) {
        long done = progress.path("position").asLong();
        long total = Math.max(progress.path("head").asLong(), done);
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        double rate = progress.path("eventsDone").asLong() / seconds;
        long percent = total == 0 ? 100 : done * 100 / total;
        String eta = rate <= 0 ? "?" : formatted(Duration.ofSeconds((long) Math.ceil((total - done) / rate)));
        return String.format(Locale.ROOT, "%-8s %,d/%,d events (%d%%)  %,.0f events/s  ETA %s",
                progress.path("state").asText(), done, total, percent, rate, eta);
    }

    private static String formatted(Duration left) {
        return left.toMinutes() > 0 ? left.toMinutes() + "m" + left.toSecondsPart() + "s" : left.toSeconds() + "s";
    }
}
