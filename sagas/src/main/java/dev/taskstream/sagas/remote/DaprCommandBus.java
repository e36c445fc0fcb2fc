package dev.taskstream.sagas.remote;

import dev.taskstream.api.Refusal;
import dev.taskstream.api.remote.RemoteCommand;
import dev.taskstream.api.remote.RemoteOutcome;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.HttpExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;

/**
 * The command bus of a process that handles no commands itself (the sagas role in split mode): every command
 * goes to the command role through Dapr service invocation and its result or refusal comes back, so a saga's
 * {@code CommandGateway} behaves as it does in the monolith. A refusal arrives as the local bus delivers it: a
 * {@code CommandExecutionException} with the {@link Refusal} (its {@code ErrorCode}) in its details.
 *
 * <p>A failed hop (sidecar or command role away) is retried with back-off ({@link Backoff#DEFAULT}: about 11 s
 * in all); after that the command fails, the saga's handler fails with it, and its event processor
 * retries the event later. Nothing is dropped, and saga commands are idempotent, so a command that was handled
 * but whose answer was lost may safely run again. Meters: {@code taskstream.remote.commands} (a timer by
 * outcome: ok, refused, failed) and {@code taskstream.remote.command.retries}.
 */
public final class DaprCommandBus implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(DaprCommandBus.class);
    /** Caps one command, retries included, so a hung hop cannot hold the saga processor for ever. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final DaprClient dapr;
    private final String commandAppId;
    private final Serializer serializer;
    private final MeterRegistry meters;
    private final Backoff backoff;
    private final Counter retries;
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();

    public DaprCommandBus(DaprClient dapr, String commandAppId, Serializer serializer, MeterRegistry meters,
                          Backoff backoff) {
        this.dapr = dapr;
        this.commandAppId = commandAppId;
        this.serializer = serializer;
        this.meters = meters;
        this.backoff = backoff;
        this.retries = meters.counter("taskstream.remote.command.retries");
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
            if (result.isExceptional()) {
                log.warn("Remote command {} failed", message.getCommandName(), result.exceptionResult());
            }
        });
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> intercepted = intercept(command);
        Timer.Sample sample = Timer.start(meters);
        CommandResultMessage<R> result = send(intercepted);
        String outcome = !result.isExceptional() ? "ok"
                : Refusal.of(result.exceptionResult()).isPresent() ? "refused" : "failed";
        sample.stop(meters.timer("taskstream.remote.commands", "outcome", outcome));
        callback.onResult(intercepted, result);
    }

    private <R> CommandResultMessage<R> send(CommandMessage<?> command) {
        RemoteOutcome outcome;
        try {
            outcome = dapr.invokeMethod(commandAppId, RemoteCommand.PATH, remote(command), HttpExtension.POST,
                            RemoteOutcome.class)
                    .retryWhen(Retry.backoff(backoff.retries(), backoff.first()).maxBackoff(backoff.max())
                            .doBeforeRetry(signal -> {
                                retries.increment();
                                log.info("Command {} to {} failed ({}); retrying",
                                        command.getCommandName(), commandAppId, signal.failure().toString());
                            }))
                    .block(GIVE_UP_AFTER);
        } catch (RuntimeException e) {
            return GenericCommandResultMessage.asCommandResultMessage(new CommandExecutionException(
                    "Command " + command.getCommandName() + " could not reach " + commandAppId, e));
        }
        if (outcome == null) {
            return GenericCommandResultMessage.asCommandResultMessage(new CommandExecutionException(
                    "Command " + command.getCommandName() + ": " + commandAppId + " answered nothing", null));
        }
        if (outcome.refusal() != null) {
            return GenericCommandResultMessage.asCommandResultMessage(outcome.refusal().asCommandFailure(null));
        }
        if (outcome.fault() != null) {
            return GenericCommandResultMessage.asCommandResultMessage(new CommandExecutionException(
                    "Command " + command.getCommandName() + " failed in " + commandAppId + ": " + outcome.fault(), null));
        }
        R result = outcome.resultType() == null ? null : serializer.deserialize(new SimpleSerializedObject<>(
                outcome.result(), String.class, outcome.resultType(), outcome.resultRevision()));
        return GenericCommandResultMessage.asCommandResultMessage(result);
    }

    private RemoteCommand remote(CommandMessage<?> command) {
        SerializedObject<String> payload = serializer.serialize(command.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(command.getMetaData(), String.class);
        return new RemoteCommand(command.getIdentifier(), command.getCommandName(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /** How often, and how patiently, a failed hop is tried again. */
    public record Backoff(int retries, Duration first, Duration max) {

        /** 200 ms doubling to 5 s, six times: a command role restarting in Kubernetes is usually back by then. */
        public static final Backoff DEFAULT = new Backoff(6, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @SuppressWarnings("unchecked")
    private <C> CommandMessage<C> intercept(CommandMessage<C> command) {
        CommandMessage<C> intercepted = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            intercepted = (CommandMessage<C>) interceptor.handle(intercepted);
        }
        return intercepted;
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        dispatchInterceptors.add(interceptor);
        return () -> dispatchInterceptors.remove(interceptor);
    }

    /** This process handles no commands: a handler here would mean a role was wired wrongly. */
    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        throw new IllegalStateException("Command " + commandName + " is handled by the command role, not here");
    }

    /**
     * Handler interceptors run where the handlers run: the command role's bus has its own (Axon registers the
     * correlation-data interceptor on every bus), so the ones offered here have nothing to intercept.
     */
    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return () -> true;
    }
}
