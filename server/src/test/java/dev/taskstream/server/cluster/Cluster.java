package dev.taskstream.server.cluster;

import dev.taskstream.server.support.FakeDaprJobs;
import dev.taskstream.server.support.FakeDaprSidecar;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Split mode on one machine: a Kafka broker process, one PostgreSQL, and the command, query and sagas roles as
 * three JVMs from the packaged jar. The sagas role has a stand-in Dapr sidecar (service invocation to the
 * command role, and the Jobs API), since no daprd can be installed here. Used by the cluster test, the split-mode
 * benchmark and {@code scripts/cluster.sh}.
 */
final class Cluster implements AutoCloseable {

    static final String APP_TOKEN = "cluster-app-token";
    static final String COMMAND_APP_ID = "taskstream-command";

    private final EmbeddedPostgres postgres;
    private final KafkaBrokerProcess kafka;
    private final FakeDaprSidecar sagasSidecar;
    private final FakeDaprJobs sagasJobs;
    private final RoleProcess command;
    private final RoleProcess query;
    private final RoleProcess sagas;

    /**
     * @param ports command, query and sagas HTTP ports; 0 picks free ones
     */
    Cluster(Path jar, Path kafkaLib, Path directory, int... ports) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(directory.resolve("logs"));
        postgres = EmbeddedPostgres.builder().start();
        kafka = new KafkaBrokerProcess(kafkaLib, Files.createTempDirectory(directory, "kafka"), logs);
        Map<String, String> shared = Map.of(
                "TASKSTREAM_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "TASKSTREAM_DB_USER", "postgres",
                "TASKSTREAM_KAFKA_BOOTSTRAP", kafka.bootstrap());
        command = new RoleProcess("command", port(ports, 0), jar, with(shared, Map.of("APP_API_TOKEN", APP_TOKEN)), logs);
        query = new RoleProcess("query", port(ports, 1), jar, shared, logs);
        int sagasPort = port(ports, 2);
        sagasSidecar = new FakeDaprSidecar(Map.of(COMMAND_APP_ID, command::port), APP_TOKEN);
        sagasJobs = new FakeDaprJobs(() -> sagasPort, APP_TOKEN);
        sagas = new RoleProcess("sagas", sagasPort, jar, with(shared, Map.of(
                "APP_API_TOKEN", APP_TOKEN,
                "DAPR_HTTP_PORT", String.valueOf(sagasSidecar.httpPort()),
                "DAPR_GRPC_PORT", String.valueOf(sagasJobs.grpcPort()))), logs);
    }

    /** Starts all; Flyway serialises concurrent migrations with an advisory lock, so the roles start at once. */
    Cluster start() throws InterruptedException {
        kafka.start();
        command.start();
        query.start();
        sagas.start();
        command.awaitReady();
        query.awaitReady();
        sagas.awaitReady();
        return this;
    }

    RoleProcess command() {
        return command;
    }

    RoleProcess query() {
        return query;
    }

    RoleProcess sagas() {
        return sagas;
    }

    /** The sagas role's stand-in for daprd's Jobs API, which calls the role back when a job is due. */
    FakeDaprJobs sagasJobs() {
        return sagasJobs;
    }

    KafkaBrokerProcess kafka() {
        return kafka;
    }

    DataSource database() {
        return postgres.getPostgresDatabase();
    }

    /** host:port of the PostgreSQL server, for another database on it. */
    String databaseAddress() {
        return "127.0.0.1:" + postgres.getPort();
    }

    @Override
    public void close() throws Exception {
        for (RoleProcess role : new RoleProcess[] {sagas, query, command}) {
            role.stop();
        }
        sagasJobs.close();
        sagasSidecar.close();
        kafka.stop();
        postgres.close();
    }

    private static int port(int[] ports, int index) {
        return ports.length > index && ports[index] != 0 ? ports[index] : FreePorts.next();
    }

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
        Map<String, String> extended = new HashMap<>(environment);
        extended.putAll(more);
        return extended;
    }
}
