package dev.taskstream.command;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.TaskstreamException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The one place that decides what a failed command means to whoever sent it. A missing aggregate, and an id of
 * another kind of aggregate, are "not found" of the kind the command addresses (the type of its target id), worded
 * like someone else's, so ids cannot be probed. Anything not listed here is a fault, not a refusal.
 */
final class CommandRefusals {

    private static final ClassValue<Optional<RecordComponent>> TARGETS = new ClassValue<>() {
        @Override
        protected Optional<RecordComponent> computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents())
                            .filter(component -> component.isAnnotationPresent(TargetAggregateIdentifier.class)
                                    || component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class))
                            .findFirst()
                    : Optional.empty();
        }
    };

    private CommandRefusals() {
    }

    static Optional<Refusal> of(Throwable failure, Object command) {
        Optional<Refusal> refusal = Refusal.of(failure);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (failure instanceof AggregateNotFoundException || failure instanceof IncompatibleAggregateException) {
            return Optional.of(TaskstreamException.notFound(target(command)).refusal());
        }
        if (failure instanceof AggregateStreamCreationException) {
            // Only a creation that does not load first (CreateNewTask) meets a taken id this late: at the append.
            return Optional.of(new Refusal(ErrorCode.CONFLICT, "id", "The id is taken."));
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(new Refusal(ErrorCode.CONFLICT, null,
                    "Another write to the same thing came first, or the id is taken. Re-read it and try again."));
        }
        return Optional.empty();
    }

    private static Object target(Object command) {
        return command == null ? null : TARGETS.get(command.getClass()).map(component -> {
            try {
                return component.getAccessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(null);
    }
}
