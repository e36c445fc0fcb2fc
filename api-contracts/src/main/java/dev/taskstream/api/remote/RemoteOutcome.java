package dev.taskstream.api.remote;

import dev.taskstream.api.Refusal;

/**
 * What the command role answers to a {@link RemoteCommand}: the handler's result, its refusal, or a fault. All
 * travel with HTTP 200, so any other status means the hop itself failed (sidecar, network, a role restarting)
 * and the sender may retry, while an answer is final.
 *
 * @param resultType the serialized result's type; null when the handler returned nothing, or failed
 * @param refusal    the domain's refusal, as it crosses the local command bus
 * @param fault      what went wrong when the command failed in a way the domain does not name
 */
public record RemoteOutcome(String resultType, String resultRevision, String result, Refusal refusal, String fault) {

    public static RemoteOutcome of(String resultType, String resultRevision, String result) {
        return new RemoteOutcome(resultType, resultRevision, result, null, null);
    }

    public static RemoteOutcome refused(Refusal refusal) {
        return new RemoteOutcome(null, null, null, refusal, null);
    }

    public static RemoteOutcome failed(String fault) {
        return new RemoteOutcome(null, null, null, null, fault);
    }
}
