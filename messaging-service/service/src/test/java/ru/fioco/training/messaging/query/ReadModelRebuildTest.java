package ru.fioco.training.messaging.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.fioco.training.messaging.Lifecycle.AUDITOR;
import static ru.fioco.training.messaging.Lifecycle.SCHOOL;
import static ru.fioco.training.messaging.Lifecycle.STAFF;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.messaging.Lifecycle;
import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.rebuild.ReadModelRebuilds;
import ru.fioco.training.platform.testing.CommandWatch;
import ru.fioco.training.platform.testing.RebuildCheck;

/**
 * The thread board dropped and rebuilt from the event store, and the copies kept from Kafka dropped and read
 * again from offset 0, come out with the same checksums; no rebuild posts, reminds or mails anybody again.
 */
@QuarkusTest
class ReadModelRebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MongoClient mongo;

    @Inject
    AxonRuntime axon;

    @Test
    void theThreadBoardIsRebuiltFromTheEventStoreWithTheSameChecksumAndNoMailTwice() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new InvoiceIssued(id, "СЧ-2027-000009", new BigDecimal("12000.00"), LocalDate.of(2026, 11, 23), "d9"));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"text\":\"Счёт получили, спасибо\"}")
                .when().post("/threads/" + id + "/messages").then().statusCode(201);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .when().post("/threads/" + id + "/read").then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> SharedTestStack.get().mail().receivedFor(app.applicantEmail).size() == 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF).when().get("/threads/" + id)
                .then().body("entries.size()", equalTo(3)).body("unread", equalTo(0))
                .body("entries.find { it.kind == 'INVOICE_ISSUED' }.mailedTo.size()", equalTo(1)));
        JsonPath threadBefore = given().auth().oauth2(STAFF).when().get("/threads/" + id).then().extract().jsonPath();

        JsonPath before = model("thread-board");
        assertThat(before.getLong("documents")).isGreaterThan(0);
        RebuildCheck.rebuildsIdentically(STAFF, "thread-board");

        // a stray document (a bug, a hand edit) is not in the events: a rebuild removes it, and says the model drifted
        mongo.getDatabase("messages").getCollection("thread_messages")
                .insertOne(new Document("_id", "stray").append("applicationId", id).append("sequence", 99));
        String drifted = model("thread-board").getString("checksum");
        assertThat(drifted).isNotEqualTo(before.getString("checksum"));
        given().auth().oauth2(STAFF).when().post("/admin/read-models/thread-board/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "REBUILT".equals(model("thread-board").getString("state")));
        JsonPath repaired = model("thread-board");
        assertThat(repaired.getString("checksumBefore")).isEqualTo(drifted);
        assertThat(repaired.getString("checksumAfter")).isEqualTo(before.getString("checksum"));
        assertThat(repaired.getBoolean("matches")).isFalse();

        JsonPath threadAfter = given().auth().oauth2(STAFF).when().get("/threads/" + id).then().extract().jsonPath();
        assertThat(threadAfter.getList("entries")).isEqualTo(threadBefore.getList("entries"));
        assertThat(SharedTestStack.get().mail().receivedFor(app.applicantEmail)).hasSize(1);
        assertThat(given().auth().oauth2(STAFF).when().get("/admin/read-models").then().statusCode(200).extract()
                .jsonPath().getList("readModel", String.class))
                .containsExactlyInAnyOrder("thread-board", "application-facts", "contract-facts");
    }

    @Test
    void theCopiesKeptFromKafkaAreReadAgainFromOffsetZeroWithoutANoticeReminderOrMailTwice() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new ContractOpened(id, app.contractTerms(),
                new BigDecimal("12000.00")));
        app.contract(new ContractConcluded(id, LocalDate.of(2026, 11, 23)));
        app.contract(new InvoiceIssued(id, "СЧ-2027-000010", new BigDecimal("12000.00"), LocalDate.of(2026, 11, 23), "d10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> SharedTestStack.get().mail().receivedFor(app.applicantEmail).size() == 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF).when()
                .get("/threads/" + id + "/reminders").then().statusCode(200)
                .body("reminder.kind", Matchers.hasItems("COURSE_STARTS_SOON", "COURSE_STARTS_TOMORROW")));
        JsonPath threadBefore = given().auth().oauth2(STAFF).when().get("/threads/" + id).then().extract().jsonPath();
        String remindersBefore = given().auth().oauth2(STAFF).when().get("/threads/" + id + "/reminders").then()
                .extract().asString();

        try (CommandWatch commands = CommandWatch.on(axon)) {
            for (String copy : List.of("application-facts", "contract-facts")) {
                JsonPath rebuilt = RebuildCheck.rebuildsIdentically(STAFF, copy);
                assertThat(rebuilt.getString("source")).isEqualTo("KAFKA");
                assertThat(rebuilt.getLong("eventsToReplay")).isPositive();
                assertThat(rebuilt.getLong("eventsReplayed")).isEqualTo(rebuilt.getLong("eventsToReplay"));
            }
            assertThat(commands.about(id)).isEmpty(); // no notice, no reminder, no mail record

            // the live consumers go on: the next event is a notice (the watch sees its command), posted once
            app.contract(new PaymentRecorded(id, "1", LocalDate.of(2026, 11, 24), new BigDecimal("12000.00"),
                    new BigDecimal("12000.00"), true));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(STAFF).when()
                    .get("/threads/" + id).then().body("entries.findAll { it.kind == 'PAYMENT_RECEIVED' }.size()", equalTo(1)));
            assertThat(commands.about(id)).hasSize(1);
        }

        // a stray copy is not in the topic: the rebuild removes it and says the copy had drifted
        JsonPath clean = model("contract-facts");
        mongo.getDatabase("messages").getCollection(ApplicationFacts.CONTRACTS)
                .insertOne(new Document("_id", "stray").append("concluded", true));
        given().auth().oauth2(STAFF).when().post("/admin/read-models/contract-facts/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "REBUILT".equals(model("contract-facts").getString("state")));
        assertThat(model("contract-facts").getString("checksumAfter")).isEqualTo(clean.getString("checksum"));
        assertThat(model("contract-facts").getBoolean("matches")).isFalse();

        // the policies did not run again: the same reminders, no second mail
        assertThat(given().auth().oauth2(STAFF).when().get("/threads/" + id + "/reminders").then().extract().asString())
                .isEqualTo(remindersBefore);
        assertThat(SharedTestStack.get().mail().receivedFor(app.applicantEmail)).hasSize(1);
        assertThat(given().auth().oauth2(STAFF).when().get("/threads/" + id).then().extract().jsonPath()
                .getList("entries")).hasSize(threadBefore.getList("entries").size() + 1);
    }

    @Test
    void onlyStaffRebuildAndOnlyWhatExists() {
        given().auth().oauth2(SCHOOL).when().post("/admin/read-models/thread-board/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).when().get("/admin/read-models").then().statusCode(403);
        given().when().get("/admin/read-models").then().statusCode(401);
        given().auth().oauth2(STAFF).when().post("/admin/read-models/mail-outbox/rebuild").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * A replica that died in the middle of a rebuild wrote only the copy beside the live model, and its lease runs
     * out: another replica (here the only one) takes the run over and begins again; the live model never changed.
     */
    @Test
    void aRebuildADeadReplicaLeftIsTakenOverAndTheLiveModelIsNeverHalfBuilt() {
        new Lifecycle(kafka).submitted();
        String before = model("application-facts").getString("checksum");
        var db = mongo.getDatabase("messages");
        // what the dead replica left: its run, its lease ended, a part of the copy
        db.getCollection(ApplicationFacts.APPLICATIONS + ReadModelRebuilds.COPY)
                .insertOne(new Document("_id", "half-built"));
        db.getCollection(ReadModelRebuilds.MARKS).replaceOne(new Document("_id", "application-facts"),
                new Document("_id", "application-facts").append("state", "REBUILDING").append("run", "dead-run")
                        .append("owner", "messaging-service@dead-pod").append("phase", "HOLD")
                        .append("leaseUntil", Date.from(Instant.now().minusSeconds(1)))
                        .append("startedAt", Date.from(Instant.now().minusSeconds(60)))
                        .append("holding", List.of()), new ReplaceOptions().upsert(true));
        assertThat(model("application-facts").getString("checksum")).isEqualTo(before);

        await().atMost(Duration.ofSeconds(60)).until(() -> "REBUILT".equals(model("application-facts").getString("state")));
        JsonPath rebuilt = model("application-facts");
        assertThat(rebuilt.getString("rebuiltBy")).isNotEqualTo("messaging-service@dead-pod");
        assertThat(rebuilt.getString("checksum")).isEqualTo(before);
        assertThat(rebuilt.getBoolean("matches")).isTrue();
        assertThat(db.listCollectionNames().into(new java.util.ArrayList<>()))
                .noneMatch(c -> c.endsWith(ReadModelRebuilds.COPY));
    }

    /**
     * The switch waits until every replica seen alive holds its writers. A replica that beats but never holds makes
     * the run fail, the live model as it was and the consumers let go; once it holds when asked, the run switches.
     */
    @Test
    void theSwitchWaitsForEveryReplicaAliveAndFailsWithoutTouchingTheLiveModelWhenOneDoesNotHold() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        var db = mongo.getDatabase("messages");
        String before = model("contract-facts").getString("checksum");
        String other = "messaging-service@other-pod";
        AtomicBoolean holdsWhenAsked = new AtomicBoolean(false);
        ScheduledExecutorService otherReplica = Executors.newSingleThreadScheduledExecutor();
        try {
            otherReplica.scheduleWithFixedDelay(() -> {
                db.getCollection(ReadModelRebuilds.NODES).replaceOne(new Document("_id", other),
                        new Document("_id", other).append("seenAt", new Date()), new ReplaceOptions().upsert(true));
                if (holdsWhenAsked.get()) {
                    db.getCollection(ReadModelRebuilds.MARKS).updateMany(new Document("phase", "HOLD"),
                            new Document("$addToSet", new Document("holding", other)));
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.getCollection(ReadModelRebuilds.NODES)
                    .countDocuments(new Document("_id", other)) == 1);

            given().auth().oauth2(STAFF).when().post("/admin/read-models/contract-facts/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(model("contract-facts").getString("state")));
            assertThat(model("contract-facts").getString("error")).contains(other);
            assertThat(model("contract-facts").getString("checksum")).isEqualTo(before);
            // the consumers were let go: the next event is applied and posts its notice
            app.contract(new ContractOpened(id, app.contractTerms(), new BigDecimal("12000.00")));
            app.contract(new ContractConcluded(id, LocalDate.of(2026, 11, 23)));
            await().atMost(Duration.ofSeconds(30)).until(() -> !model("contract-facts").getString("checksum").equals(before));

            holdsWhenAsked.set(true);
            JsonPath rebuilt = RebuildCheck.rebuildsIdentically(STAFF, "contract-facts");
            assertThat(rebuilt.getLong("heldMillis")).isNotNull();
        } finally {
            otherReplica.shutdownNow();
            db.getCollection(ReadModelRebuilds.NODES).deleteOne(new Document("_id", other));
        }
    }

    static JsonPath model(String name) {
        return given().auth().oauth2(STAFF).when().get("/admin/read-models/" + name).then().statusCode(200)
                .extract().jsonPath();
    }
}
