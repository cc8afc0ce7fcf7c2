package ru.fioco.training.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.devstack.ServiceProcess;

/**
 * A reminder is data: scheduled while messaging-service runs, it comes due while the service is down (its
 * clock moved past the moment, as days pass), fires once when the service starts again, and not a second
 * time after another restart. messaging-service runs as its own process on the embedded stack.
 */
class ReminderRestartSystemTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static Path dataDir;
    static Path root;

    @BeforeAll
    static void paths() throws Exception {
        root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("reminder-system-test-");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aReminderThatCameDueWhileTheServiceWasDownFiresOnceAfterARestartAndNotAgain() {
        try (LocalPlatform platform = LocalPlatform.start(root, dataDir, Map.of("messaging-service", FreePorts.pick()))) {
            String staff = platform.tokens().staff("staff@fioco.ru");
            String app = UUID.randomUUID().toString();
            // review due in twenty days: the reminder is for 09:00 on the working day before, days from now
            LocalDate due = LocalDate.now(MOSCOW).plusDays(20);
            submit(platform, app, due);
            String url = platform.service("messaging-service").baseUrl();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().baseUri(url).auth().oauth2(staff)
                    .when().get("/threads/" + app + "/reminders").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.reminder.kind == 'REVIEW_DUE_TOMORROW' }.status")).isEqualTo("SCHEDULED"));
            Instant fireAt = Instant.parse(given().baseUri(url).auth().oauth2(staff)
                    .when().get("/threads/" + app + "/reminders").then().extract().jsonPath()
                    .getString("find { it.reminder.kind == 'REVIEW_DUE_TOMORROW' }.reminder.fireAt"));
            assertThat(fireAt).isAfter(Instant.now());

            // the service is down while the moment passes; it starts again an hour after it
            Duration ahead = Duration.between(Instant.now(), fireAt).plusHours(1);
            Map<String, String> later = Map.of("PLATFORM_CLOCK_OFFSET", ahead.toString());
            ServiceProcess restarted = platform.restart("messaging-service", later);
            await().atMost(Duration.ofSeconds(60)).until(() -> notices(restarted.baseUrl(), staff, app) == 1);
            String noticeId = given().baseUri(restarted.baseUrl()).auth().oauth2(staff).when().get("/threads/" + app)
                    .then().extract().jsonPath().getString("entries.find { it.kind == 'REVIEW_DUE_TOMORROW' }.messageId");
            await().atMost(Duration.ofSeconds(60)).until(() -> mails(platform, noticeId) == 1);
            // a person reads the local run's mail as .eml files
            await().atMost(Duration.ofSeconds(10)).until(() -> emlFilesMentioning(noticeId) == 1);

            // and again: the reminder is settled, the thread knows its cause; nothing fires twice
            ServiceProcess again = platform.restart("messaging-service", later);
            assertThat(given().baseUri(again.baseUrl()).auth().oauth2(staff).when().get("/threads/" + app + "/reminders")
                    .then().statusCode(200).extract().jsonPath()
                    .getString("find { it.reminder.kind == 'REVIEW_DUE_TOMORROW' }.status")).isEqualTo("FIRED");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> notices(again.baseUrl(), staff, app) == 1 && mails(platform, noticeId) == 1);
        }
    }

    static long emlFilesMentioning(String noticeId) throws IOException {
        Path mail = dataDir.resolve("mail");
        if (!Files.isDirectory(mail)) {
            return 0;
        }
        try (var files = Files.list(mail)) {
            return files.filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1).contains("X-Training-Notice: " + noticeId);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    static long notices(String url, String token, String app) {
        return given().baseUri(url).auth().oauth2(token).when().get("/threads/" + app).then().statusCode(200)
                .extract().jsonPath().getList("entries.kind", String.class).stream()
                .filter("REVIEW_DUE_TOMORROW"::equals).count();
    }

    static long mails(LocalPlatform platform, String noticeId) {
        return platform.mail().countFor("pk@fioco.ru", "X-Training-Notice", noticeId);
    }

    /** application-service's two events of a submission, as it publishes them on {@code applications}. */
    static void submit(LocalPlatform platform, String app, LocalDate reviewDue) {
        String form = """
                {"applicant":{"surname":"Смирнова","name":"Анна","patronymic":"Сергеевна","email":"smirnova@school1.ru"},
                 "paymentTerms":"PREPAYMENT","programmeId":"prog-1",
                 "organisation":{"shortName":"МБОУ «Школа № 1»","inn":"7707083893"},"personalDataConsent":true,
                 "participants":[]}""";
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            send(producer, app, "ApplicationDrafted", """
                    {"applicationId":"%s","organisationInn":"7707083893","type":"TRAINING","form":%s}""".formatted(app, form));
            send(producer, app, "ApplicationSubmitted", """
                    {"applicationId":"%s","number":"000-000777","submittedAt":"%s","reviewDueDate":"%s",
                     "reviewDueProvisional":false,"form":%s}""".formatted(app, Instant.now(), reviewDue, form));
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, String> producer, String key, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("applications", key, json);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ("ru.fioco.training.applications." + type).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/application-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }
}
