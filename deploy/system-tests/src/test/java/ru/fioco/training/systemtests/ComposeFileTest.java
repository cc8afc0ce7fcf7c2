package ru.fioco.training.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import ru.fioco.training.devstack.LocalPlatform;

/**
 * deploy/compose against the code it deploys, without Docker: every service twice on its port with the readiness
 * probe, every variable its production profile requires given (by the compose file or platform.env), the domain
 * topics created to keep every record, and the cabinet's nginx routing as the local stack does. (Its schema is
 * checked by deploy/k8s/validate in the same build.)
 */
class ComposeFileTest {

    static final Path COMPOSE = KubernetesManifestsTest.ROOT.resolve("deploy/compose");
    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(COMPOSE.resolve("compose.yaml"))) {
            compose = new Yaml().load(in); // SnakeYAML resolves the merge keys (<<: *service) as compose does
        }
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceRunsTwiceOnItsPortProbedForReadinessWithWhatItsProductionProfileRequires() throws IOException {
        Set<String> fromEnvFile = envFileKeys();
        for (Map.Entry<String, Integer> entry : LocalPlatform.LOCAL_PORTS.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = (Map<String, Object>) services.get(name);
            assertThat(service).as(name).isNotNull();
            assertThat(((Map<String, Object>) service.get("deploy")).get("replicas")).as(name).isEqualTo(2);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("QUARKUS_HTTP_PORT")).as(name).isEqualTo(entry.getValue().toString());
            assertThat(environment.get("QUARKUS_PROFILE")).as(name).isEqualTo("prod");
            assertThat(service.get("env_file")).as(name).isEqualTo(List.of("platform.env"));
            assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
                    .as(name).contains("/q/health/ready");
            assertThat(((Map<String, Object>) service.get("build")).get("dockerfile"))
                    .isEqualTo("deploy/k8s/images/service.Dockerfile");
            Set<String> given = new HashSet<>(environment.keySet());
            given.addAll(fromEnvFile);
            assertThat(given).as(name + " is given what its prod profile requires")
                    .containsAll(KubernetesManifestsTest.requiredInProduction(name));
            // every ${VARIABLE} the compose file interpolates is one the operator is told to fill in
            Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(String.valueOf(environment));
            while (m.find()) {
                assertThat(fromEnvFile).as(name + " interpolates " + m.group(1)).contains(m.group(1));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDomainTopicsAreCreatedToKeepEveryRecordAndTopicsAreNotCreatedOnTheFly() {
        Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) services.get("kafka")).get("environment");
        assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        String script = String.valueOf(((Map<String, Object>) services.get("kafka-topics")).get("command"));
        assertThat(script).contains("for topic in " + String.join(" ", LocalPlatform.TOPICS) + ";")
                .contains("retention.ms=-1").contains("retention.bytes=-1").contains("cleanup.policy=delete");
    }

    @Test
    void theCabinetsNginxRoutesAsTheLocalStack() throws IOException {
        String nginx = Files.readString(COMPOSE.resolve("nginx.conf.template"));
        LocalPlatform.LOCAL_PORTS.forEach((name, port) -> {
            assertThat(nginx).contains("location /api/" + name + "/ {")
                    .contains("set $service " + name + ":" + port + ";")
                    .contains("rewrite ^/api/" + name + "/(.*)$ /$1 break;");
        });
        assertThat(nginx).contains("client_max_body_size 42m;").contains("location = /config.json");
    }

    private static Set<String> envFileKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(COMPOSE.resolve("platform.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.split("=", 2)[0]);
            }
        }
        return keys;
    }
}
