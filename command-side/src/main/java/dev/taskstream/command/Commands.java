package dev.taskstream.command;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its result, answering a missing aggregate with the same refusal its
 * owner check gives, so that nobody can tell "does not exist" from "is not yours".
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, ErrorCode whenMissing, Object id) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw TaskstreamException.notFound(whenMissing, id);
        }
    }
}
