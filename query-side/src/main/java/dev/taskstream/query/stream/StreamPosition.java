package dev.taskstream.query.stream;

/** REST list answers name, in this header, the stream position they reflect at least: a client opens the stream with it as {@code since}. */
public final class StreamPosition {

    public static final String HEADER = "Stream-Position";

    private StreamPosition() {
    }
}
