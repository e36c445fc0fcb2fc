package dev.taskstream.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * The embedded PostgreSQL: started on a data directory, reachable only through a Unix-domain socket inside that
 * directory, which only its owner may enter. Runs as root too: the library then starts PostgreSQL in a user
 * namespace ({@code unshare -U}) where the root-owned files look like its own; the permissions still hold.
 */
final class LocalPostgres implements Closeable {

    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Crash recovery of a large database can take a while; the library stops waiting as soon as it answers. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    /** {@code sun_path} holds 107 bytes; PostgreSQL refuses a longer socket path. */
    private static final int MAX_SOCKET_PATH_BYTES = 107;

    /** Rewritten at every start, which also tightens a directory made by an earlier version (trust on TCP). */
    private static final String ACCESS_RULES = """
            # Written by Taskstream at every start; changes here are replaced.
            # Only the Unix-domain socket in this directory, which only its owner can enter. No TCP rule: every
            # TCP connection is refused. (Peer authentication would add nothing: run as root, PostgreSQL sits in a
            # user namespace where every client looks like "nobody".)
            local all all trust
            """;

    private final EmbeddedPostgres postgres;
    private final Path socket;
    private final DataDirectoryLock lock;

    private LocalPostgres(EmbeddedPostgres postgres, Path socket, DataDirectoryLock lock) {
        this.postgres = postgres;
        this.socket = socket;
        this.lock = lock;
    }

    /**
     * Every setting of the embedded server, in one place.
     *
     * @param unsafeFastWrites skip fsync and synchronous commit: faster writes, but a crash may lose the last
     *                         acknowledged ones, and an OS crash or power cut may corrupt the database
     */
    private static Map<String, String> settings(Path dataDirectory, boolean unsafeFastWrites) {
        Map<String, String> settings = new LinkedHashMap<>();
        // The library passes -F (fsync off) and synchronous_commit=off, defaults meant for tests; a -c option
        // comes after -F on the command line and wins.
        settings.put("fsync", unsafeFastWrites ? "off" : "on");
        settings.put("synchronous_commit", unsafeFastWrites ? "off" : "on");
        // The library's start-up probe opens a TCP connection, so the server listens on loopback; the access
        // rules refuse every TCP login.
        settings.put("listen_addresses", "localhost");
        settings.put("unix_socket_directories", shellQuoted(dataDirectory.toString()));
        settings.put("unix_socket_permissions", "0700");
        return settings;
    }

    /** A database in a new temporary directory, deleted at {@link #close()}. */
    static LocalPostgres startThrowAway(boolean unsafeFastWrites) throws IOException {
        Path directory = Files.createTempDirectory("taskstream-db-", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        return start(directory, true, unsafeFastWrites, null);
    }

    /**
     * Starts on {@code dataDirectory}, creating it (owner-only) or tightening an existing one, after stopping a
     * server that a killed Taskstream left running on it.
     *
     * @throws DataDirectoryInUseException when another live Taskstream runs on it
     */
    static LocalPostgres startKeeping(Path dataDirectory, boolean unsafeFastWrites) throws IOException {
        DataDirectoryLock lock = DataDirectoryLock.tryAcquire(dataDirectory)
                .orElseThrow(() -> new DataDirectoryInUseException(dataDirectory));
        try {
            StalePostmaster.stopIfRunning(dataDirectory);
            return start(dataDirectory, false, unsafeFastWrites, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static LocalPostgres start(Path dataDirectory, boolean throwAway, boolean unsafeFastWrites,
            DataDirectoryLock lock) throws IOException {
        ownerOnly(dataDirectory);
        int port = freeLoopbackPort();
        Path socket = dataDirectory.resolve(".s.PGSQL." + port);
        int socketPathBytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (socketPathBytes > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalStateException("The data directory path " + dataDirectory + " is too long for "
                    + "PostgreSQL's socket (" + socketPathBytes + " bytes, at most " + MAX_SOCKET_PATH_BYTES
                    + "); set TASKSTREAM_HOME to a shorter path");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(throwAway)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                // Closed with the Spring context, after the processors that use it; the library's own hook would
                // race them at shutdown (seen: failed claims and a 5 s Axon shutdown timeout).
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(directory -> writeAccessRules(directory.toPath()));
        settings(dataDirectory, unsafeFastWrites).forEach(builder::setServerConfig);
        connectionProperties(socket).forEach((key, value) -> builder.setConnectConfig((String) key, (String) value));
        return new LocalPostgres(builder.start(), socket, lock);
    }

    /** For a JDBC URL naming only the database; the socket factory ignores host and port. */
    Properties connectionProperties() {
        return connectionProperties(socket);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    Path socket() {
        return socket;
    }

    private static Properties connectionProperties(Path socket) {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("socketFactory", AFUNIXSocketFactory.FactoryArg.class.getName());
        properties.setProperty("socketFactoryArg", socket.toString());
        return properties;
    }

    private static void ownerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        } else {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
    }

    private static void writeAccessRules(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), ACCESS_RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The library hands these options to pg_ctl as one string, which a shell splits. */
    private static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
