package dev.taskstream.query.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the real-time stream ({@code taskstream.stream.*}).
 *
 * @param heartbeat       how often each connection is pinged
 * @param idleTimeout     a connection that answers no ping (and sends nothing) for this long is closed
 * @param sendTimeLimit   a connection whose client takes longer than this to accept one send is closed
 * @param sendBufferLimit messages queued for one connection beyond this size close it
 * @param retention       changes younger than this are kept ...
 * @param retainedChanges ... and so are each user's last this many, whichever keeps more
 * @param pruneInterval   how often old changes and spent tickets are deleted
 * @param ticketTtl       how long a ticket can be used (at most until the token it was issued for expires)
 */
@ConfigurationProperties("taskstream.stream")
record StreamSettings(
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("5s") Duration sendTimeLimit,
        @DefaultValue("512KB") DataSize sendBufferLimit,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10000") int retainedChanges,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("30s") Duration ticketTtl) {
}
