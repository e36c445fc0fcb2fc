package dev.taskstream.query.stream;

/** The two messages that are not changes: {@code hello} on connect and {@code resync} for a pruned {@code since}. */
final class StreamMessages {

    private StreamMessages() {
    }

    static String hello(long position) {
        return "{\"type\":\"hello\",\"position\":" + position + "}";
    }

    static String resync(long position) {
        return "{\"type\":\"resync\",\"position\":" + position + "}";
    }
}
