package ru.fioco.training.document.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.TopicReader;

/**
 * document-service learns programmes from the {@code applications} topic through the real Kafka
 * connector: real broker in-process, Mongo wire server in memory.
 */
@QuarkusTest
class ApplicationsTopicListenerTest {

    static final String TYPE = "ru.fioco.training.applications.ProgrammePublished";
    static final String STAFF = SharedTestStack.get().tokens().staff("operator");
    static final String ANYONE = SharedTestStack.get().tokens().representative("school@example.ru", "7707083893");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    CloudEventSender sender;

    @BeforeEach
    void connect() {
        sender = new CloudEventSender(kafka);
    }

    @AfterEach
    void disconnect() {
        sender.close();
    }

    @Test
    void keepsItsOwnCopyOfAPublishedProgramme() {
        String id = UUID.randomUUID().toString();
        sender.send("applications", id, UUID.randomUUID().toString(), TYPE, programme(id, "Курс по математике"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ANYONE).when().get("/programmes/" + id)
                        .then().statusCode(200)
                        .body("title", equalTo("Курс по математике"))
                        .body("startDate", equalTo("2027-02-01"))
                        .body("subjects", equalTo(List.of("Математика")))
                        .body("revision", equalTo(1)));

        sender.send("applications", id, UUID.randomUUID().toString(), "ru.fioco.training.applications.ProgrammeChanged",
                new ProgrammeChanged(id, "Курс по математике, 2-й поток", LocalDate.of(2027, 3, 1),
                        LocalDate.of(2027, 3, 12), 36, List.of("Математика", "Физика"), new BigDecimal("12000.00"),
                        null, List.of()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ANYONE).when().get("/programmes/" + id)
                        .then().statusCode(200)
                        .body("title", equalTo("Курс по математике, 2-й поток"))
                        .body("startDate", equalTo("2027-03-01"))
                        .body("revision", equalTo(2)));
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String id = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        sender.send("applications", id, ceId, TYPE, programme(id, "Первый раз"));
        sender.send("applications", id, ceId, TYPE, programme(id, "Первый раз"));
        String marker = UUID.randomUUID().toString();
        // a later event on the same key (the same partition) proves both copies were consumed before we look; sent
        // once only: a programme's events on two keys would reach the copy in an order no replay can repeat
        sender.send("applications", id, UUID.randomUUID().toString(), TYPE, programme(marker, "Маркер"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ANYONE).when().get("/programmes/" + marker).then().statusCode(200));
        given().auth().oauth2(ANYONE).when().get("/programmes/" + id)
                .then().statusCode(200).body("revision", equalTo(1));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheGoodOnesAroundThemAreApplied() {
        String key = UUID.randomUUID().toString();
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String undeserialisable = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        sender.send("applications", key, UUID.randomUUID().toString(), TYPE, programme(before, "До"));
        sender.sendRaw("applications", key, "{not json", Map.of(CloudEvents.ID, undeserialisable, CloudEvents.TYPE, TYPE));
        sender.sendRaw("applications", key, "{}", Map.of(CloudEvents.ID, unknownType, CloudEvents.TYPE, "ru.fioco.training.applications.NoSuchEvent"));
        sender.sendRaw("applications", key, "{}", Map.of(CloudEvents.TYPE, TYPE));
        sender.send("applications", key, UUID.randomUUID().toString(), TYPE, programme(after, "После"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(ANYONE).when().get("/programmes/" + before).then().statusCode(200);
            given().auth().oauth2(ANYONE).when().get("/programmes/" + after).then().statusCode(200);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = TopicReader.readAll(kafka, "document-service.applications.dlq").stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(dead).hasSize(3);
            assertThat(dead).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.ID))
                    .containsExactly(undeserialisable, unknownType, null);
            assertThat(dead).extracting(r -> CloudEvents.header(r.headers(), "dead-letter-reason"))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("undeserialisable"),
                            reason -> assertThat(reason).contains("unknown event type ru.fioco.training.applications.NoSuchEvent"),
                            reason -> assertThat(reason).contains("missing CloudEvents header ce_id"));
            assertThat(dead.get(0).value()).isEqualTo("{not json");
        });
        // staff see the same three, under this consumer, waiting
        given().auth().oauth2(STAFF).queryParam("consumer", "document-service.applications").queryParam("state", "waiting")
                .when().get("/admin/dead-letters").then().statusCode(200)
                .body("findAll { it.key == '" + key + "' }.reason", Matchers.containsInAnyOrder(
                        Matchers.containsString("missing CloudEvents header ce_id"),
                        Matchers.containsString("unknown event type"),
                        Matchers.containsString("undeserialisable")));
        given().auth().oauth2(STAFF).queryParam("state", "lost").when().get("/admin/dead-letters").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", Matchers.hasItem("state"));
        given().auth().oauth2(ANYONE).when().get("/admin/dead-letters").then().statusCode(403);
        given().when().get("/admin/dead-letters").then().statusCode(401);
    }

    @Test
    void anUnknownProgrammeIsNotFoundAndAnonymousCallersAreRefused() {
        given().auth().oauth2(ANYONE).when().get("/programmes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/programmes/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    static ProgrammePublished programme(String id, String title) {
        return new ProgrammePublished(id, title, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12), 36,
                List.of("Математика"), new BigDecimal("12000.00"), null, List.of());
    }
}
