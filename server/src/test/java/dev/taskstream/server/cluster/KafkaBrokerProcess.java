package dev.taskstream.server.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka (KRaft: broker and controller in one process) from the kafka-broker module's jars,
 * on free loopback ports. Its data directory survives {@link #stop()}, so a restart is a real restart.
 */
final class KafkaBrokerProcess {

    private final Path lib;
    private final Path properties;
    private final int port;
    private final ChildProcess process;

    KafkaBrokerProcess(Path lib, Path directory, Path logs) throws IOException, InterruptedException {
        this.lib = lib;
        this.port = FreePorts.next();
        int controllerPort = FreePorts.next();
        this.properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        this.process = java("kafka", List.of("kafka.Kafka", properties.toString()), logs);
        java("kafka-format", List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()), logs).runToEnd();
    }

    private ChildProcess java(String name, List<String> main, Path logs) {
        List<String> arguments = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", lib + "/*"));
        arguments.addAll(main);
        return new ChildProcess(name, arguments, Map.of(), logs);
    }

    KafkaBrokerProcess start() throws InterruptedException {
        if (process.alive()) {
            return this;
        }
        process.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!listening()) {
            if (!process.alive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka did not start; see " + process.log());
            }
            Thread.sleep(200);
        }
        return this;
    }

    void stop() throws InterruptedException {
        process.stop();
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
