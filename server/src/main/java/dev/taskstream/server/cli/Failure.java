package dev.taskstream.server.cli;

/** Ends a command with one line on stderr and an exit code (see {@link Cli}). */
final class Failure extends RuntimeException {

    private final int exitCode;

    Failure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
