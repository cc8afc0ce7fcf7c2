package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static ru.fioco.training.application.web.ApplicationApiTest.AUDITOR;
import static ru.fioco.training.application.web.ApplicationApiTest.SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.STAFF;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.consuming.DeadLetters;
import ru.fioco.training.platform.consuming.InboundEventDispatcher;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.ProcessedEventLog;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.TopicReader;

/**
 * Faults from outside on the consuming side, through the real path (Kafka, the contracts listener, the command
 * bus, the event store, the history's own consumer): a MongoDB outage of 30 s loses and dead-letters nothing, and a
 * record a rule refuses waits in the consumer's dead letters until staff re-drive it, then counts once.
 */
@QuarkusTest
class DeliveryFaultsTest {

    static final String CONSUMER = "application-service.contracts";
    static final String CLOSED = "ru.fioco.training.contracts.ContractClosed";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    InboundEvents inbound;

    @Inject
    ServiceDatabase database;

    @Inject
    AxonRuntime axon;

    @Test
    void aConsumerWhoseMongoFailsForThirtySecondsWaitsAndAppliesEverythingOnceAfter() throws Exception {
        String id = inWork();
        String closedId = UUID.randomUUID().toString();
        Instant outageStart;
        try (AutoCloseable outage = SharedTestStack.get().mongo().outage();
             CloudEventSender sender = new CloudEventSender(kafka)) {
            outageStart = Instant.now();
            sender.sendAs("/contract-service", "contracts", id, closedId, CLOSED, 0, null, new ContractClosed(id));
            // the partition waits on this very record, retried with growing pauses, and says so (each attempt may also
            // wait out the driver's server selection, 10 s, so the count is awaited, not read at a fixed moment)
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                InboundEventDispatcher.Wait wait = inbound.waits().get(CONSUMER);
                return wait != null && closedId.equals(wait.eventId()) && wait.attempts() > 3
                        && !Instant.now().isBefore(outageStart.plusSeconds(30));
            });
            // the wellness check (also part of /q/health) says what the consumer waits on
            given().when().get("/q/health").then()
                    .body("checks.find { it.name == 'event-consumers' }.data.'" + CONSUMER + "'", containsString(closedId));
        }
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + id).then().statusCode(200).body("summary.status", equalTo("COMPLETED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !inbound.waits().containsKey(CONSUMER));
        assertThat(database.collection(DeadLetters.COLLECTION).countDocuments(Filters.eq("eventId", closedId))).isZero();
        assertThat(database.collection(ProcessedEventLog.COLLECTION)
                .countDocuments(Filters.eq("_id", CONSUMER + "|" + closedId))).isOne();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(HistoryApiTest.types(id, STAFF))
                .containsOnlyOnce("ContractClosed", "ApplicationCompleted"));
    }

    @Test
    void aRecordARuleRefusesWaitsForStaffAndARedriveAppliesItOnce() {
        String id = submitted();
        String closedId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            // a closing for an application nobody took into work: «завершить можно только заявку в исполнении»
            sender.sendAs("/contract-service", "contracts", id, closedId, CLOSED, 0, null, new ContractClosed(id));
        }
        String letter = CONSUMER + "|";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .queryParam("consumer", CONSUMER).queryParam("state", "WAITING").when().get("/admin/dead-letters")
                .then().statusCode(200).body("find { it.eventId == '" + closedId + "' }.reason",
                        containsString("в исполнении")));
        String deadId = given().auth().oauth2(STAFF).queryParam("consumer", CONSUMER)
                .when().get("/admin/dead-letters").then().extract()
                .path("find { it.eventId == '" + closedId + "' }.id");
        assertThat(deadId).startsWith(letter);
        given().auth().oauth2(STAFF).when().get("/admin/dead-letters/" + deadId).then()
                .statusCode(200).body("type", equalTo(CLOSED)).body("value", containsString(id))
                .body("headers.find { it.name == 'ce_id' }.value", equalTo(closedId));
        // the partition went on: the application is still as it was, and the next record is not held
        given().auth().oauth2(STAFF).when().get("/applications/" + id).then()
                .body("summary.status", equalTo("SUBMITTED"));

        // wrong roles, unknown record
        for (String token : List.of(SCHOOL, AUDITOR)) {
            given().auth().oauth2(token).when().get("/admin/dead-letters").then().statusCode(403);
            given().auth().oauth2(token).when().get("/admin/dead-letters/" + deadId).then().statusCode(403);
            given().auth().oauth2(token).when().post("/admin/dead-letters/" + deadId + "/redrive").then().statusCode(403);
        }
        given().auth().oauth2(STAFF).when().post("/admin/dead-letters/nothing/redrive").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(STAFF).when().get("/admin/dead-letters/nothing").then()
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/admin/publisher").then().statusCode(401);

        // staff mend the cause, then re-drive: applied once
        given().auth().oauth2(STAFF).when().post("/applications/" + id + "/take-into-work").then()
                .statusCode(200);
        given().auth().oauth2(STAFF).when().post("/admin/dead-letters/" + deadId + "/redrive").then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/admin/dead-letters/" + deadId).then().body("state", equalTo("REDRIVEN"))
                .body("redrivenBy", equalTo("staff@fioco.ru")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + id).then().body("summary.status", equalTo("COMPLETED")));
        given().auth().oauth2(STAFF).when().post("/admin/dead-letters/" + deadId + "/redrive").then()
                .statusCode(409).contentType("application/problem+json");
        assertThat(database.collection(ProcessedEventLog.COLLECTION)
                .countDocuments(Filters.eq("_id", CONSUMER + "|" + closedId))).isOne();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(HistoryApiTest.types(id, STAFF))
                .containsOnlyOnce("ContractClosed", "ApplicationCompleted"));
    }

    /**
     * An event no Kafka producer takes (2 MB, stored by going round the input limits) parks the publisher: health
     * DOWN naming it, nothing after it published, until staff skip it with a reason; then everything after it is
     * published, once.
     */
    @Test
    void anOversizedEventParksThePublisherUntilStaffSkipIt() {
        String oversized = UUID.randomUUID().toString();
        String programmeId = UUID.randomUUID().toString();
        axon.configuration().eventStore().publish(new GenericDomainEventMessage<>("Programme", programmeId, 0,
                new ProgrammePublished(programmeId, "x".repeat(2_000_000), LocalDate.of(2027, 3, 1),
                        LocalDate.of(2027, 3, 12), 36, List.of("Математика"), new BigDecimal("12000.00"),
                        "https://lms.fioco.ru/course/view.php?id=42", List.of(new Tutor("Иванова М. П.", "t@fioco.ru"))),
                MetaData.emptyInstance(), oversized, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health").then()
                .statusCode(503)
                .body("checks.find { it.name == 'event-publisher-quarantine' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'event-publisher-quarantine' }.data.parkedEvent", equalTo(oversized)));
        given().auth().oauth2(STAFF).when().get("/admin/publisher").then().statusCode(200)
                .body("parkedEvent", equalTo(oversized)).body("topic", equalTo("applications"));
        given().auth().oauth2(STAFF).when().get("/admin/publisher/quarantine/" + oversized).then().statusCode(200)
                .body("state", equalTo("PARKED")).body("reason", containsString("RecordTooLargeException"))
                .body("aggregateId", equalTo(programmeId));

        // an event stored while it waits is not published before staff decide
        String after = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"title":"После карантина","startDate":"2027-03-01","endDate":"2027-03-12","hours":36,
                 "subjects":["Математика"],"pricePerParticipant":12000.00,
                 "lmsCourseUrl":"https://lms.fioco.ru/course/view.php?id=42",
                 "tutors":[{"name":"Иванова Мария Петровна","email":"tutor@fioco.ru"}]}""")
                .when().post("/programmes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(STAFF).when().get("/admin/publisher").then().body("unpublished", greaterThan(0));

        for (String token : List.of(SCHOOL, AUDITOR)) {
            given().auth().oauth2(token).when().get("/admin/publisher").then().statusCode(403);
            given().auth().oauth2(token).when().get("/admin/publisher/quarantine/" + oversized).then().statusCode(403);
            given().auth().oauth2(token).when().get("/admin/publisher/quarantine").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .when().post("/admin/publisher/quarantine/" + oversized + "/skip").then().statusCode(403);
        }
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"  \"}")
                .when().post("/admin/publisher/quarantine/" + oversized + "/skip").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/admin/publisher/quarantine/" + UUID.randomUUID() + "/skip").then().statusCode(404);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"" + "я".repeat(2001) + "\"}")
                .when().post("/admin/publisher/quarantine/" + oversized + "/skip").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        for (String token : List.of(SCHOOL, AUDITOR)) {
            given().auth().oauth2(token).when().post("/admin/publisher/quarantine/" + oversized + "/publish").then()
                    .statusCode(403);
        }
        // published again without a fix: Kafka refuses it again, and it is parked again
        given().auth().oauth2(STAFF).when().post("/admin/publisher/quarantine/" + oversized + "/publish").then()
                .statusCode(200).body("state", equalTo("RELEASED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/admin/publisher/quarantine/" + oversized).then().body("state", equalTo("PARKED")));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"reason\":\"название в 2 МБ записано в обход проверки; программа заведена заново\"}")
                .when().post("/admin/publisher/quarantine/" + oversized + "/skip").then().statusCode(200)
                .body("state", equalTo("SKIPPED")).body("decidedBy", equalTo("staff@fioco.ru"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"снова\"}")
                .when().post("/admin/publisher/quarantine/" + oversized + "/skip").then().statusCode(409);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TopicReader.readAll(kafka, "applications").stream().filter(r -> after.equals(r.key())).count())
                .isOne());
        assertThat(TopicReader.readAll(kafka, "applications").stream().filter(r -> programmeId.equals(r.key())))
                .isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/well").then()
                .body("checks.find { it.name == 'event-publisher-quarantine' }.status", equalTo("UP")));
    }

    private static String submitted() {
        String programme = ApplicationApiTest.programme("2027-03-01", "Математика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 1));
        ApplicationApiTest.submit(SCHOOL, id).then().statusCode(200);
        return id;
    }

    private static String inWork() {
        String id = submitted();
        given().auth().oauth2(STAFF).when().post("/applications/" + id + "/take-into-work").then().statusCode(200);
        return id;
    }
}
