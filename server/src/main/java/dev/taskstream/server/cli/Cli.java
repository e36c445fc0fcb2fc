package dev.taskstream.server.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code java -jar taskstream.jar <subcommand>}: the operator's tools. Exit codes scripts can rely on: 0 done,
 * 1 the server refused or the operation failed, 2 bad usage, 3 no token or not an admin, 4 the server cannot be
 * reached or failed. Every error is one line on stderr.
 */
@Command(name = "taskstream", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        subcommands = {HistoryCommand.class, ProcessorsCommand.class, ReplayCommand.class, DeadLettersCommand.class,
                HelpCommand.class},
        description = {"Operator tools for Taskstream: on the server's database (the server's settings), or on a running"
                + " server with --server URL --token T.",
                "With no subcommand, java -jar taskstream.jar runs the server itself."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the server refused, or the operation failed", "2:bad usage",
                "3:no token, or not an admin's", "4:the server or the database cannot be reached, or failed"})
public final class Cli implements Runnable {

    static final int EXIT_OK = 0;
    static final int EXIT_REFUSED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NOT_ALLOWED = 3;
    static final int EXIT_UNREACHABLE = 4;

    private static final Set<String> FIRST_WORDS = Set.of("history", "processors", "replay", "dead-letters", "help",
            "--help", "-h", "--version", "-V");

    final BufferedReader in;

    private Cli(BufferedReader in) {
        this.in = in;
    }

    /** Whether these arguments name a subcommand; anything else (server options included) starts the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && FIRST_WORDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, BufferedReader in) {
        CommandLine cli = new CommandLine(new Cli(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof Failure known) {
                err.println("taskstream: " + known.getMessage());
                return known.exitCode();
            }
            err.println("taskstream: " + failure);
            return EXIT_REFUSED;
        });
        cli.setParameterExceptionHandler((bad, arguments) -> {
            err.println("taskstream: " + bad.getMessage() + " (see " + bad.getCommandLine().getCommandName() + " --help)");
            return EXIT_USAGE;
        });
        int code = cli.execute(args);
        closeConnection(cli);
        out.flush();
        err.flush();
        return code;
    }

    /** A subcommand run without --server opened the database in this process; it closes here. */
    private static void closeConnection(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed != null && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().mixins().get("connection") != null) {
            ((Connection) parsed.subcommand().commandSpec().mixins().get("connection").userObject()).close();
        }
    }

    /** Without a subcommand, the CLI only explains itself (the jar runs the server instead, see main). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand.");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"taskstream " + (version == null ? "(development build)" : version)};
        }
    }
}
