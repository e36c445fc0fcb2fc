package dev.taskstream.query.rebuild;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A projection that can fold events into other copies of its tables. */
public interface Rebuildable {

    /** The event processor it runs in; all projections of a processor are rebuilt together. */
    String processor();

    /** The tables it writes, each with its primary key column. */
    List<Table> tables();

    /** A new instance of the projection writing through {@code jdbc} to {@code names.apply(table)} for each table. */
    Object writingTo(JdbcClient jdbc, UnaryOperator<String> names);

    /**
     * Whether handling this event may change rows of other aggregates (a deleted tag leaves every task): a rebuild
     * then writes everything before it first, and it alone. Events of other aggregates otherwise commute.
     */
    default boolean touchesOtherAggregates(Object payload) {
        return false;
    }

    record Table(String name, String key) {
    }
}
