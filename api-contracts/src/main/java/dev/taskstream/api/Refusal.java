package dev.taskstream.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Why a command or request was refused, as it crosses the command bus in a {@link CommandExecutionException}'s
 * details: plain data, so the answer is the same whether the command side ran in this process or another.
 */
public record Refusal(ErrorCode code, String field, String detail, Map<String, Object> properties) {

    /** {@code properties} are further members of the problem body, such as an edit conflict's current task. */
    public Refusal {
        Objects.requireNonNull(code, "code");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Refusal(ErrorCode code, String field, String detail) {
        this(code, field, detail, Map.of());
    }

    /** The refusal a failed command or request carries, if it is one; anything else is a fault, not a refusal. */
    public static Optional<Refusal> of(Throwable failure) {
        if (failure instanceof TaskstreamException refused) {
            return Optional.of(refused.refusal());
        }
        if (failure instanceof CommandExecutionException commandFailed) {
            return commandFailed.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast);
        }
        return Optional.empty();
    }

    /** The failure as a command handler reports it: the refusal in the details, the local cause kept for logs. */
    public CommandExecutionException asCommandFailure(Throwable cause) {
        return new CommandExecutionException(detail, cause, this);
    }
}
