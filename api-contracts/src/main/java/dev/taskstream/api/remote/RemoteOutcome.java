package dev.taskstream.api.remote;

import dev.taskstream.api.ErrorCode;

/**
 * What the command role answers to a {@link RemoteCommand}: the handler's result, or its refusal. Both travel
 * with HTTP 200, so any other status means the hop itself failed (sidecar, network, a role restarting) and the
 * sender may retry, while a refusal is final.
 *
 * @param resultType the serialized result's type; null when the handler returned nothing
 * @param refusal    set when the handler refused the command; then there is no result
 */
public record RemoteOutcome(String resultType, String resultRevision, String result, Refusal refusal) {

    public static RemoteOutcome of(String resultType, String resultRevision, String result) {
        return new RemoteOutcome(resultType, resultRevision, result, null);
    }

    public static RemoteOutcome refused(Refusal refusal) {
        return new RemoteOutcome(null, null, null, refusal);
    }

    /**
     * Why the command was refused.
     *
     * @param code  the domain's code; null when the handler failed in a way the domain does not name
     * @param field the request field at fault, if one is
     */
    public record Refusal(ErrorCode code, String field, String detail) {
    }
}
