package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code k8s/} checked offline, against the app it deploys (no cluster and no kubeconform here): every file is in the
 * kustomization, each role has one Deployment whose labels, Dapr annotations, ports and environment agree with the
 * app's settings, probes name health groups this app answers, every container asks for resources, and Services
 * and PodDisruptionBudgets select pods that exist.
 */
@ServerTest
class KubernetesManifestsTest {

    private static final Path FOLDER = Path.of("../k8s");
    private static final Set<String> ROLES = Set.of("command", "query", "sagas");
    /** Variables the JVM reads rather than Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final List<Map<String, Object>> documents = new ArrayList<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void load() throws IOException {
        for (String file : resources()) {
            for (Object document : new Yaml().loadAll(Files.readString(FOLDER.resolve(file)))) {
                documents.add(map(document));
            }
        }
    }

    @Test
    void theKustomizationListsEveryManifestInTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources());
        }
    }

    @Test
    void eachRoleIsOneDeploymentWithItsDaprAppIdAndTheAppsPort() {
        Map<String, Map<String, Object>> byRole = new HashMap<>();
        for (Map<String, Object> deployment : kind("Deployment")) {
            Map<String, Object> container = container(deployment);
            Map<String, String> env = env(container);
            String role = env.get("TASKSTREAM_ROLES");
            assertThat(ROLES).as(name(deployment)).contains(role);
            assertThat(byRole.put(role, deployment)).as("a second Deployment for " + role).isNull();

            assertThat(map(at(deployment, "spec", "selector")).get("matchLabels")).as(name(deployment))
                    .isEqualTo(at(deployment, "spec", "template", "metadata", "labels"));
            Map<String, Object> annotations = map(at(deployment, "spec", "template", "metadata", "annotations"));
            assertThat(annotations).as(name(deployment)).containsEntry("dapr.io/enabled", "true")
                    .containsEntry("dapr.io/app-id", "taskstream-" + role)
                    .containsEntry("dapr.io/app-port", env.get("PORT"))
                    .containsEntry("dapr.io/app-token-secret", "taskstream-app-token");
            Map<String, Object> http = map(list(container.get("ports")).get(0));
            assertThat(http).containsEntry("name", "http");
            assertThat(String.valueOf(http.get("containerPort"))).isEqualTo(env.get("PORT"));
        }
        assertThat(byRole).containsOnlyKeys(ROLES);
        assertThat(map(kind("ConfigMap").get(0).get("data")))
                .containsEntry("TASKSTREAM_COMMAND_APP_ID", "taskstream-command");
    }

    @Test
    void everyVariableGivenToTheAppIsOneItReads() throws IOException {
        Set<String> read = new HashSet<>(JVM_VARIABLES);
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z_]+)")
                .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (placeholders.find()) {
            read.add(placeholders.group(1));
        }
        Set<String> given = new HashSet<>(map(kind("ConfigMap").get(0).get("data")).keySet());
        kind("Deployment").forEach(deployment -> given.addAll(env(container(deployment)).keySet()));

        assertThat(read).containsAll(given);
    }

    @Test
    void everyContainerAsksForCpuAndMemoryAndIsProbedOnHealthGroupsTheAppAnswers() {
        for (Map<String, Object> deployment : kind("Deployment")) {
            Map<String, Object> container = container(deployment);
            assertThat(map(at(container, "resources", "requests"))).as(name(deployment)).containsKeys("cpu", "memory");
            assertThat(map(at(container, "resources", "limits"))).as(name(deployment)).containsKey("memory");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(at(container, probe, "httpGet"));
                assertThat(get.get("port")).as(name(deployment) + " " + probe).isEqualTo("http");
                String path = (String) get.get("path");
                assertThat(ApiClient.anonymous(port).get(path).status()).as(name(deployment) + " " + probe + " " + path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void servicesAndDisruptionBudgetsSelectPodsThatExist() {
        List<Object> podLabels = kind("Deployment").stream()
                .map(deployment -> at(deployment, "spec", "template", "metadata", "labels")).toList();
        for (Map<String, Object> service : kind("Service")) {
            assertThat(podLabels).as(name(service)).contains(at(service, "spec", "selector"));
            assertThat(map(list(at(service, "spec", "ports")).get(0))).containsEntry("targetPort", "http");
        }
        for (Map<String, Object> budget : kind("PodDisruptionBudget")) {
            Map<String, Object> selected = kind("Deployment").stream()
                    .filter(deployment -> at(deployment, "spec", "template", "metadata", "labels")
                            .equals(at(budget, "spec", "selector", "matchLabels")))
                    .findFirst().orElseThrow(() -> new AssertionError(name(budget) + " selects no Deployment"));
            // A budget on a single replica would block every node drain.
            assertThat((Integer) at(selected, "spec", "replicas")).as(name(budget)).isGreaterThan(1);
        }
        assertThat(kind("PodDisruptionBudget")).isNotEmpty();
    }

    private static List<String> resources() throws IOException {
        Map<String, Object> kustomization = map(new Yaml().load(Files.readString(FOLDER.resolve("kustomization.yaml"))));
        return list(kustomization.get("resources")).stream().map(String.class::cast).toList();
    }

    private static List<Map<String, Object>> kind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).as(name(deployment)).hasSize(1);
        return map(containers.get(0));
    }

    /** Literal values, and secret references as {@code secret:<name>/<key>}. */
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = map(entry);
            Object value = variable.containsKey("value") ? variable.get("value")
                    : "secret:" + at(variable, "valueFrom", "secretKeyRef", "name") + "/"
                            + at(variable, "valueFrom", "secretKeyRef", "key");
            env.put((String) variable.get("name"), String.valueOf(value));
        }
        return env;
    }

    private static String name(Map<String, Object> document) {
        return document.get("kind") + " " + at(document, "metadata", "name");
    }

    private static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = map(current).get(key);
            assertThat(current).as(String.join(".", path)).isNotNull();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
