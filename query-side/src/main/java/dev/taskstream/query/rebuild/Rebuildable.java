package dev.taskstream.query.rebuild;

import java.util.List;
import java.util.function.UnaryOperator;

/** A projection that can fold events into other copies of its tables. */
public interface Rebuildable {

    /** The event processor it runs in; all projections of a processor are rebuilt together. */
    String processor();

    /** The tables it writes, each with its primary key column. */
    List<Table> tables();

    /** A new instance of the projection whose writes go to {@code names.apply(table)} for every table it touches. */
    Object writingTo(UnaryOperator<String> names);

    record Table(String name, String key) {
    }
}
