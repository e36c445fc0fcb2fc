package dev.taskstream.server.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/cluster.sh}: the cluster of the cluster test, kept running for a person to try, until Ctrl-C.
 * Arguments: the jar, the Kafka broker's lib folder, a working folder, then the command, query and sagas ports.
 */
public final class LocalCluster {

    private LocalCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createDirectories(Path.of(args[2]));
        int commandPort = Integer.parseInt(args[3]);
        int queryPort = Integer.parseInt(args[4]);
        int sagasPort = Integer.parseInt(args[5]);
        Cluster cluster = new Cluster(Path.of(args[0]), Path.of(args[1]), directory, commandPort, queryPort, sagasPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("Starting Kafka, PostgreSQL and three roles; logs in " + directory.resolve("logs"));
        cluster.start();
        System.out.printf("""
                Taskstream in split mode is up:
                  writes (command role)  http://localhost:%d   e.g. POST /api/auth/signup, POST /api/tasks
                  reads  (query role)    http://localhost:%d   e.g. GET /api/tasks (same token)
                  sagas role             http://localhost:%d   (actuator only)
                  Kafka                  %s
                Ctrl-C stops everything.
                """, commandPort, queryPort, sagasPort, cluster.kafka().bootstrap());
        stopped.await();
    }
}
