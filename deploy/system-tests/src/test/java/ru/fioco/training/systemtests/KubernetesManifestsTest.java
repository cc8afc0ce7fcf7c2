package ru.fioco.training.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.LocalPlatform;

/**
 * deploy/k8s against the code it deploys, without a cluster: every service runs twice with probes, resources and a
 * disruption budget; every domain topic keeps every record on three replicas; every consumer the code has (its
 * listeners' names) has its dead-letter topic declared; every variable the production profile requires is given;
 * the Ingress routes as the local stack does.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    static final List<JsonNode> BASE = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        ObjectReader yaml = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class);
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s/base"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var documents = yaml.readValues(file.toFile())) {
                    while (documents.hasNext()) {
                        JsonNode document = (JsonNode) documents.next();
                        if (document != null && !document.isNull() && document.has("kind")) {
                            BASE.add(document);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyServiceRunsTwiceProbedWithResourcesAndADisruptionBudget() {
        for (Map.Entry<String, Integer> service : LocalPlatform.LOCAL_PORTS.entrySet()) {
            String name = service.getKey();
            JsonNode deployment = one("Deployment", name);
            assertThat(deployment.at("/spec/replicas").asInt()).as(name).isEqualTo(2);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(name).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(name).isEqualTo("/q/health/live");
            assertThat(container.at("/ports/0/containerPort").asInt()).as(name).isEqualTo(service.getValue());
            assertThat(container.at("/resources/requests/memory").asText()).as(name).isNotBlank();
            assertThat(container.at("/resources/limits/memory").asText()).as(name).isNotBlank();
            assertThat(one("Service", name).at("/spec/ports/0/port").asInt()).as(name).isEqualTo(service.getValue());
            JsonNode budget = one("PodDisruptionBudget", name);
            assertThat(budget.at("/spec/minAvailable").asInt()).as(name).isEqualTo(1);
            assertThat(budget.at("/spec/selector/matchLabels/app").asText()).as(name).isEqualTo(name);
        }
    }

    @Test
    void theDomainTopicsKeepEveryRecordAndEveryConsumerHasItsDeadLetterTopic() throws IOException {
        Map<String, JsonNode> topics = new HashMap<>();
        all("KafkaTopic").forEach(t -> topics.put(t.at("/spec/topicName").isMissingNode()
                ? t.at("/metadata/name").asText() : t.at("/spec/topicName").asText(), t));
        for (String topic : LocalPlatform.TOPICS) {
            JsonNode t = topics.get(topic);
            assertThat(t).as(topic).isNotNull();
            assertThat(t.at("/spec/replicas").asInt()).as(topic).isEqualTo(3);
            assertThat(t.at("/spec/config/retention.ms").asLong()).as(topic).isEqualTo(-1);
            assertThat(t.at("/spec/config/retention.bytes").asLong()).as(topic).isEqualTo(-1);
            assertThat(t.at("/spec/config/cleanup.policy").asText()).as(topic).isEqualTo("delete");
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).as(topic).isEqualTo(2);
        }
        Set<String> consumers = consumersInTheCode();
        assertThat(consumers).hasSizeGreaterThanOrEqualTo(9);
        for (String consumer : consumers) {
            assertThat(topics).as("dead-letter topic of " + consumer).containsKey(consumer + ".dlq");
        }
        JsonNode kafka = one("Kafka", "training");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(one("KafkaNodePool", "dual-role").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(one("MongoDBCommunity", "training-mongodb").at("/spec/members").asInt()).isEqualTo(3);
        assertThat(one("Deployment", "keycloak").at("/spec/template/spec/containers/0/image").asText())
                .endsWith(":" + keycloakVersion());
        assertThat(one("StatefulSet", "keycloak-postgres")).isNotNull();
    }

    @Test
    void everyVariableTheProductionProfileRequiresIsGiven() throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(ROOT.resolve("deploy/k8s/base/kustomization.yaml").toFile());
        Set<String> shared = new HashSet<>();
        kustomization.at("/configMapGenerator/0/literals").forEach(l -> shared.add(l.asText().split("=", 2)[0]));
        for (String name : LocalPlatform.LOCAL_PORTS.keySet()) {
            Set<String> needed = requiredInProduction(name);
            Set<String> given = new HashSet<>(shared);
            JsonNode container = one("Deployment", name).at("/spec/template/spec/containers/0");
            container.at("/env").forEach(e -> given.add(e.at("/name").asText()));
            for (JsonNode from : container.at("/envFrom")) {
                if (from.has("secretRef")) {
                    given.addAll(exampleKeys(from.at("/secretRef/name").asText()));
                }
            }
            assertThat(given).as(name + " is given what its prod profile requires").containsAll(needed);
        }
    }

    @Test
    void theIngressRoutesAsTheLocalStack() {
        JsonNode api = one("Ingress", "api");
        List<String> paths = new ArrayList<>();
        api.at("/spec/rules/0/http/paths").forEach(p -> paths.add(p.at("/path").asText() + " -> "
                + p.at("/backend/service/name").asText() + ":" + p.at("/backend/service/port/number").asInt()));
        LocalPlatform.LOCAL_PORTS.forEach((name, port) ->
                assertThat(paths).contains("/api/" + name + "(/|$)(.*) -> " + name + ":" + port));
        assertThat(api.at("/metadata/annotations/nginx.ingress.kubernetes.io~1rewrite-target").asText()).isEqualTo("/$2");
        assertThat(one("Ingress", "cabinet").at("/spec/rules/0/http/paths/0/backend/service/name").asText())
                .isEqualTo("cabinet");
    }

    /** The variables the service's prod profile requires: {@code %prod.x=${VARIABLE}} with no default. */
    static Set<String> requiredInProduction(String service) throws IOException {
        Pattern required = Pattern.compile("^%prod\\.[^=]+=\\$\\{([A-Z_]+)}\\s*$", Pattern.MULTILINE);
        Set<String> needed = new TreeSet<>();
        for (Path file : List.of(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                ROOT.resolve(service + "/service/src/main/resources/application.properties"))) {
            Matcher m = required.matcher(Files.readString(file));
            while (m.find()) {
                needed.add(m.group(1));
            }
        }
        return needed;
    }

    static Set<String> consumersInTheCode() throws IOException {
        Set<String> consumers = new TreeSet<>();
        Pattern constant = Pattern.compile("static final String CONSUMER = \"([^\"]+)\";");
        for (String name : LocalPlatform.LOCAL_PORTS.keySet()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(name + "/service/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith("Listener.java")).toList()) {
                    Matcher m = constant.matcher(Files.readString(file));
                    while (m.find()) {
                        consumers.add(m.group(1));
                    }
                }
            }
        }
        return consumers;
    }

    private static Set<String> exampleKeys(String secret) {
        Map<String, String> examples = Map.of("institute-requisites", "institute-requisites.env.example",
                "platform-secrets", "platform-secrets.env.example");
        Set<String> keys = new HashSet<>();
        try {
            for (String line : Files.readAllLines(ROOT.resolve("deploy/k8s/overlays/production").resolve(examples.get(secret)))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.split("=", 2)[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    private static String keycloakVersion() throws IOException {
        Matcher m = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(ROOT.resolve("deploy/keycloak/pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<JsonNode> all(String kind) {
        return BASE.stream().filter(d -> kind.equals(d.at("/kind").asText())).toList();
    }

    private static JsonNode one(String kind, String name) {
        List<JsonNode> found = all(kind).stream().filter(d -> name.equals(d.at("/metadata/name").asText())).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }
}
