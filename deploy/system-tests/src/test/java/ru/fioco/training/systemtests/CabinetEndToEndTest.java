package ru.fioco.training.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.KeycloakServer;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.platform.events.CloudEvents;

/**
 * The cabinet end to end in Chromium, through the real stack with Keycloak: the web module's Playwright run
 * ({@code web/e2e}) against the shared platform, in two parts, with contract-service's clock moved past the course
 * between them. Each main screen is saved under {@code target/e2e/screens} and checked with axe-core.
 */
class CabinetEndToEndTest {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @Test
    void thePersonsOfTheProcedureDoItAllInTheBrowser() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("Chromium at %s: install Debian's chromium package (./platform-test does, "
                + "as root) or set CHROMIUM", CHROMIUM).isExecutable();
        LocalPlatform platform = KeycloakPlatform.shared();
        KeycloakServer keycloak = KeycloakPlatform.keycloak();
        Path web = KeycloakPlatform.root().resolve("web");
        Path out = Path.of("target/e2e").toAbsolutePath();
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("state.json"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        LocalDate start = today.plusDays(45);
        Map<String, String> env = new HashMap<>(Map.of(
                "CABINET_URL", platform.cabinet().orElseThrow().url(),
                "E2E_OUT", out.toString(),
                "E2E_STATE", out.resolve("state.json").toString(),
                "E2E_MAIL_DIR", KeycloakPlatform.mailDir().toString(),
                "E2E_PROGRAMME_START", start.toString(),
                "CHROMIUM", CHROMIUM,
                "E2E_ACCOUNTS", keycloak.accounts().stream()
                        .map(a -> "\"" + a.username() + "\":\"" + a.password() + "\"")
                        .collect(Collectors.joining(",", "{", "}"))));

        playwright(web, env, out.resolve("part-1.log"), "e2e/1-before-the-course.spec.ts");
        // after the course: the act comes after the programme's end on contract-service's clock
        long ahead = ChronoUnit.DAYS.between(today, start.plusDays(15));
        platform.restart("contract-service", Map.of("PLATFORM_CLOCK_OFFSET", Duration.ofDays(ahead).toString()));
        // an event of a type no consumer knows yet (a newer document-service): each consumer of the topic sets it
        // aside in its dead letters, and staff find it on the operations page in part 2
        eventOfANewerVersion(platform.kafka().bootstrapServers());
        playwright(web, env, out.resolve("part-2.log"), "e2e/2-after-the-course.spec.ts");

        assertThat(out.resolve("screens")).isDirectoryContaining(p -> p.toString().endsWith("representative-home.png"));
        for (String screen : List.of("representative-home", "application-form", "application-documents", "staff-queues",
                "staff-review", "contract-access", "chat", "profile", "staff-representatives", "staff-programmes",
                "contract-closed", "auditor-history", "staff-read-models", "staff-operations", "contract-negotiation", "contract-cancelled",
                "contract-unpaid", "contract-staff", "staff-erasure", "staff-consent", "staff-retention",
                "staff-access-log", "staff-representative-erasure")) {
            assertThat(out.resolve("screens").resolve(screen + ".png")).as(screen).isNotEmptyFile();
        }
    }

    private static void eventOfANewerVersion(String bootstrapServers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>("documents", "e2e-newer-version",
                    "{\"applicationId\":\"e2e-newer-version\"}");
            record.headers().add(CloudEvents.ID, CloudEvents.bytes(UUID.randomUUID().toString()));
            record.headers().add(CloudEvents.TYPE, CloudEvents.bytes("ru.fioco.training.documents.DocumentStapled"));
            record.headers().add(CloudEvents.SOURCE, CloudEvents.bytes("/document-service"));
            record.headers().add(CloudEvents.SUBJECT, CloudEvents.bytes("e2e-newer-version"));
            record.headers().add(CloudEvents.SPEC_VERSION, CloudEvents.bytes(CloudEvents.SPEC_VERSION_1));
            producer.send(record).get();
        }
    }

    private static void playwright(Path web, Map<String, String> env, Path log, String spec) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(web.resolve("node_modules/.bin/playwright").toString(), "test", spec)
                .directory(web.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process run = builder.start();
        if (!run.waitFor(15, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            throw new AssertionError(spec + " ran longer than 15 minutes; see " + log);
        }
        if (run.exitValue() != 0) {
            throw new AssertionError(spec + " failed:\n" + tail(log, 80));
        }
    }

    private static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
