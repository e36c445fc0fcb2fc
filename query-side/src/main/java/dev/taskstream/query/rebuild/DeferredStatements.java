package dev.taskstream.query.rebuild;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose writes are only recorded: the projections' own SQL, unchanged, is captured while a rebuild
 * folds a page of events, and {@link #take} hands it over as {@link Writes}, sent later (on another thread) as one
 * statement over arrays ({@link SetBasedWrite}), or else one JDBC batch, per statement text and wave. An event goes
 * to the wave after the one its aggregate's previous event went to, so each aggregate's events keep their order
 * while events of different aggregates, which commute, share batches.
 * A query (a handler that reads, or a DELETE ... RETURNING) must see every earlier write: it waits for the pages
 * handed over to be written ({@link Barrier}), sends what was recorded since on that connection, and then runs.
 */
final class DeferredStatements {

    /** One recorded {@code set...} call on a statement: the parameter index is the first argument. */
    record Call(Method setter, Object[] arguments) {
    }

    /** A connection on which every write handed over earlier is visible; the rebuild commits it after the event. */
    interface Barrier {
        Connection connection() throws SQLException;
    }

    /** A single row goes as it was recorded; from two rows on, one statement over arrays costs no more than a batch. */
    private static final int SET_BASED_FROM = 2;

    /** What a page of events wrote, wave by wave: statements of one text together, in the order texts first came. */
    static final class Writes {

        private final List<Map<String, List<List<Call>>>> waves;

        private Writes(List<Map<String, List<List<Call>>>> waves) {
            this.waves = waves;
        }

        void send(Connection connection) throws SQLException {
            for (Map<String, List<List<Call>>> wave : waves) {
                for (Map.Entry<String, List<List<Call>>> statement : wave.entrySet()) {
                    Optional<SetBasedWrite> setBased = statement.getValue().size() < SET_BASED_FROM ? Optional.empty()
                            : SetBasedWrite.of(statement.getKey(), statement.getValue());
                    if (setBased.isPresent()) {
                        setBased.get().send(connection);
                        continue;
                    }
                    try (PreparedStatement batch = connection.prepareStatement(statement.getKey())) {
                        for (List<Call> parameters : statement.getValue()) {
                            apply(parameters, batch);
                            batch.addBatch();
                        }
                        batch.executeBatch();
                    }
                }
            }
        }
    }

    /** Spring asks the driver's name to choose how to bind a null; the statements will run on PostgreSQL. */
    private static final DatabaseMetaData METADATA = (DatabaseMetaData) proxy(DatabaseMetaData.class,
            (method, arguments) -> switch (method.getName()) {
                case "getDriverName" -> "PostgreSQL JDBC Driver";
                case "getDatabaseProductName" -> "PostgreSQL";
                default -> unsupported(method);
            });

    private List<Map<String, List<List<Call>>>> waves = new ArrayList<>();
    private final Barrier barrier;
    private int wave;
    private final DataSource dataSource = (DataSource) proxy(DataSource.class, (method, arguments) -> switch (method.getName()) {
        case "getConnection" -> connection();
        case "getLogWriter" -> (PrintWriter) null;
        case "getParentLogger" -> Logger.getGlobal();
        default -> unsupported(method);
    });

    DeferredStatements(Barrier barrier) {
        this.barrier = barrier;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The wave that statements recorded from now on belong to; waves are sent in order. */
    void wave(int wave) {
        this.wave = wave;
    }

    /** What was recorded since the last take. */
    Writes take() {
        Writes taken = new Writes(waves);
        waves = new ArrayList<>();
        return taken;
    }

    private void record(String sql, List<Call> parameters) {
        while (waves.size() <= wave) {
            waves.add(new LinkedHashMap<>());
        }
        waves.get(wave).computeIfAbsent(sql, text -> new ArrayList<>()).add(parameters);
    }

    /** Runs a query after every write recorded before it. */
    private ResultSet query(String sql, List<Call> parameters, PreparedStatement[] open) throws SQLException {
        Connection connection = barrier.connection();
        take().send(connection);
        if (open[0] != null) {
            open[0].close();
        }
        open[0] = connection.prepareStatement(sql);
        apply(parameters, open[0]);
        return open[0].executeQuery();
    }

    private static void apply(List<Call> parameters, PreparedStatement statement) throws SQLException {
        for (Call call : parameters) {
            invoke(call.setter(), statement, call.arguments());
        }
    }

    private Connection connection() {
        Connection[] self = new Connection[1];
        self[0] = (Connection) proxy(Connection.class, (method, arguments) -> switch (method.getName()) {
            case "prepareStatement" -> statement(self[0], (String) arguments[0]);
            case "close" -> null;
            case "isClosed" -> false;
            case "getAutoCommit" -> false;
            case "getWarnings" -> null;
            case "getMetaData" -> METADATA;
            default -> unsupported(method);
        });
        return self[0];
    }

    private PreparedStatement statement(Connection connection, String sql) {
        List<Call> calls = new ArrayList<>();
        PreparedStatement[] open = new PreparedStatement[1];
        Object[] self = new Object[1];
        self[0] = proxy(PreparedStatement.class, (method, arguments) -> {
            String name = method.getName();
            if (name.startsWith("set") && arguments != null && arguments.length >= 2 && arguments[0] instanceof Integer) {
                calls.add(new Call(method, arguments.clone()));
                return null;
            }
            return switch (name) {
                case "executeUpdate" -> {
                    record(sql, List.copyOf(calls));
                    calls.clear();
                    yield 1;
                }
                case "executeQuery" -> {
                    ResultSet rows = query(sql, calls, open);
                    calls.clear();
                    yield rows;
                }
                case "clearParameters" -> {
                    calls.clear();
                    yield null;
                }
                case "close" -> {
                    if (open[0] != null) {
                        open[0].close();
                    }
                    yield null;
                }
                case "getWarnings", "clearWarnings" -> null;
                case "isClosed" -> false;
                case "getConnection" -> connection;
                default -> unsupported(method);
            };
        });
        return (PreparedStatement) self[0];
    }

    /** What JDBC says for a feature a driver lacks; Spring then falls back (e.g. to setNull without a type). */
    private static Object unsupported(Method method) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException(method.getName() + " is not recorded by a rebuild");
    }

    private static void invoke(Method setter, PreparedStatement target, Object[] arguments) throws SQLException {
        try {
            setter.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Handler {
        Object handle(Method method, Object[] arguments) throws Throwable;
    }

    private static Object proxy(Class<?> type, Handler handler) {
        return Proxy.newProxyInstance(DeferredStatements.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "deferred " + type.getSimpleName();
                    default -> handler.handle(method, arguments);
                });
    }
}
