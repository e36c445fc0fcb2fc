package dev.taskstream.command.remote;

import dev.taskstream.api.Refusal;
import dev.taskstream.api.remote.RemoteCommand;
import dev.taskstream.api.remote.RemoteOutcome;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where commands from other roles arrive (the sagas role in split mode, through its Dapr sidecar). Each is
 * dispatched on the local command bus, as if it had been sent here, and answered with its result or refusal.
 *
 * <p>Only the sidecar gets in: the server answers 404 to anyone without Dapr's app API token.
 */
@RestController
class CommandEndpoint {

    private final CommandBus commandBus;
    private final Serializer serializer;

    CommandEndpoint(CommandBus commandBus, @Qualifier("messageSerializer") Serializer serializer) {
        this.commandBus = commandBus;
        this.serializer = serializer;
    }

    @PostMapping("/" + RemoteCommand.PATH)
    ResponseEntity<RemoteOutcome> handle(@RequestBody RemoteCommand command) throws InterruptedException {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(toMessage(command), callback);
        CommandResultMessage<?> result;
        try {
            result = callback.get();
        } catch (ExecutionException e) {
            result = GenericCommandResultMessage.asCommandResultMessage(e.getCause());
        }
        return ResponseEntity.ok(outcome(result));
    }

    private GenericCommandMessage<Object> toMessage(RemoteCommand command) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                command.payload(), String.class, command.payloadType(), command.payloadRevision()));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(
                command.metaData(), String.class, MetaData.class.getName(), null));
        return new GenericCommandMessage<>(new GenericMessage<>(command.identifier(), payload, metaData),
                command.commandName());
    }

    /** A refusal keeps its code, as on the local bus; anything else is named but has no code to act on. */
    private RemoteOutcome outcome(CommandResultMessage<?> result) {
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            return Refusal.of(failure).map(RemoteOutcome::refused)
                    .orElseGet(() -> RemoteOutcome.failed(failure.toString()));
        }
        if (result.getPayload() == null) {
            return RemoteOutcome.of(null, null, null);
        }
        SerializedObject<String> serialized = serializer.serialize(result.getPayload(), String.class);
        return RemoteOutcome.of(serialized.getType().getName(), serialized.getType().getRevision(),
                serialized.getData());
    }
}
