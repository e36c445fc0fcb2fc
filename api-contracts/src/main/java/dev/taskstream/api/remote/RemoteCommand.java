package dev.taskstream.api.remote;

import java.util.Objects;

/**
 * A command sent to the command role from a process that has no command handlers (the sagas role, in split
 * mode), over Dapr service invocation to {@link #PATH}. Payload and metadata are the command bus's own
 * serialized forms (JSON), so the command arrives exactly as it would have been dispatched locally.
 */
public record RemoteCommand(String identifier, String commandName, String payloadType, String payloadRevision,
                            String payload, String metaData) {

    /** The command role's endpoint (the Dapr method name). */
    public static final String PATH = "internal/commands";

    public RemoteCommand {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(commandName, "commandName");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metaData, "metaData");
    }
}
