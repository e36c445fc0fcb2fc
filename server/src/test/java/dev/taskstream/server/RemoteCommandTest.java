package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.sagas.remote.DaprCommandBus;
import dev.taskstream.sagas.remote.DaprCommandBus.Backoff;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.FakeDaprSidecar;
import dev.taskstream.server.support.ServerTest;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.config.Properties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Commands from a role without command handlers, as the sagas role sends them in split mode: the real Dapr
 * client, through a sidecar on loopback (daprd's HTTP invocation API), to this server's command endpoint.
 */
@ServerTest(properties = "taskstream.dapr.app-api-token=" + RemoteCommandTest.APP_TOKEN)
class RemoteCommandTest {

    static final String APP_TOKEN = "remote-command-test-token";
    private static final Backoff QUICK = new Backoff(3, Duration.ofMillis(20), Duration.ofMillis(100));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer serializer;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FakeDaprSidecar sidecar;
    private DaprClient dapr;

    @AfterEach
    void closeSidecar() throws Exception {
        if (dapr != null) {
            dapr.close();
            sidecar.close();
        }
    }

    @Test
    void aRemoteCommandRunsOnTheCommandRole_andAnswersWithItsResult() throws Exception {
        CommandGateway commands = gatewayTo(() -> port, APP_TOKEN);
        TaskId task = TaskId.random();
        UserId owner = new UserId(UUID.randomUUID());

        Long created = commands.sendAndWait(newTask(task, owner));
        Long completed = commands.sendAndWait(new CompleteTask(task, owner));

        assertThat(created).isZero();
        assertThat(completed).isEqualTo(1L);
        assertThat(meters.timer("taskstream.remote.commands", "outcome", "ok").count()).isEqualTo(2);
    }

    @Test
    void aRefusalCrossesTheHopWithItsErrorCode_asTheLocalBusDeliversIt() throws Exception {
        CommandGateway commands = gatewayTo(() -> port, APP_TOKEN);
        TaskId task = TaskId.random();
        UserId owner = new UserId(UUID.randomUUID());
        commands.sendAndWait(newTask(task, owner));

        assertThatThrownBy(() -> commands.sendAndWait(new CompleteTask(task, new UserId(UUID.randomUUID()))))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(Refusal.of(refused))
                        .contains(TaskstreamException.notFound(task).refusal()));
        assertThatThrownBy(() -> commands.sendAndWait(new CompleteTask(TaskId.random(), owner)))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(Refusal.of(refused))
                        .map(Refusal::code).contains(ErrorCode.TASK_NOT_FOUND));
        commands.sendAndWait(new DeleteTask(task, owner));
        assertThatThrownBy(() -> commands.sendAndWait(new CompleteTask(task, owner)))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(Refusal.of(refused))
                        .map(Refusal::code).contains(ErrorCode.TASK_DELETED));
        assertThat(meters.timer("taskstream.remote.commands", "outcome", "refused").count()).isEqualTo(3);
        assertThat(meters.counter("taskstream.remote.command.retries").count()).isZero();
    }

    @Test
    void aCommandRoleThatIsAwayForAMomentIsRetriedWithBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        int closedPort = FreePort.closed();
        CommandGateway commands = gatewayTo(() -> calls.incrementAndGet() <= 2 ? closedPort : port, APP_TOKEN);
        TaskId task = TaskId.random();

        Long created = commands.sendAndWait(newTask(task, new UserId(UUID.randomUUID())));

        assertThat(created).isZero();
        assertThat(meters.counter("taskstream.remote.command.retries").count()).isEqualTo(2);
    }

    @Test
    void aCommandThatCannotGetThroughFailsLoudly_neverSilently() throws Exception {
        int closedPort = FreePort.closed();
        CommandGateway commands = gatewayTo(() -> closedPort, APP_TOKEN);

        assertThatThrownBy(() -> commands.sendAndWait(newTask(TaskId.random(), new UserId(UUID.randomUUID()))))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessageContaining("could not reach taskstream-command");
        assertThat(meters.counter("taskstream.remote.command.retries").count()).isEqualTo(QUICK.retries());
        assertThat(meters.timer("taskstream.remote.commands", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void withoutTheAppTokenTheEndpointIsNotThere() throws Exception {
        CommandGateway commands = gatewayTo(() -> port, "a guess");

        assertThatThrownBy(() -> commands.sendAndWait(newTask(TaskId.random(), new UserId(UUID.randomUUID()))))
                .isInstanceOf(CommandExecutionException.class);
        assertThat(ApiClient.anonymous(port).post("/internal/commands", "{}").status()).isEqualTo(404);
    }

    @Test
    void aMalformedCommandFromTheSidecarIsRefused() throws Exception {
        HttpRequest malformed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/commands"))
                .header("dapr-api-token", APP_TOKEN)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"identifier\":\"1\"}"))
                .build();

        int status = HttpClient.newHttpClient().send(malformed, BodyHandlers.discarding()).statusCode();

        assertThat(status).isEqualTo(400);
    }

    private CommandGateway gatewayTo(IntSupplier commandRolePort, String token) throws Exception {
        sidecar = new FakeDaprSidecar(Map.of("taskstream-command", commandRolePort), token);
        dapr = new DaprClientBuilder()
                .withPropertyOverride(Properties.SIDECAR_IP, "127.0.0.1")
                .withPropertyOverride(Properties.HTTP_PORT, String.valueOf(sidecar.httpPort()))
                .withPropertyOverride(Properties.GRPC_PORT, String.valueOf(FreePort.closed()))
                .build();
        DaprCommandBus bus = new DaprCommandBus(dapr, "taskstream-command", serializer, meters, QUICK);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private static CreateTask newTask(TaskId task, UserId owner) {
        return new CreateTask(task, owner, "Sent through Dapr", null, null, Priority.NONE, null, null);
    }

    /** A loopback port nothing listens on. */
    private static final class FreePort {

        static int closed() throws Exception {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
