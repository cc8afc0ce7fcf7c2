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
import java.util.List;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
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
import ru.fioco.training.platform.consuming.InboundEvents;
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

    @Inject
    ReadModelRebuilds rebuilds;

    @Inject
    InboundEvents inbound;

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
     * A process that died in the middle of rebuilding a copy kept from Kafka left it half-built and its consumer's
     * processed-event log forgotten, and the mark of the rebuild: the next start rebuilds it again, whole.
     */
    @Test
    void aRebuildADeadProcessLeftUnfinishedIsDoneAgainAtTheNextStart() {
        new Lifecycle(kafka).submitted();
        String before = model("application-facts").getString("checksum");
        // what the dead process had done: marked the rebuild, forgotten the log, dropped the copy, replayed a part
        mongo.getDatabase("messages").getCollection(ReadModelRebuilds.MARKS)
                .insertOne(new Document("_id", "application-facts").append("node", "messaging-service@dead-pod"));
        inbound.forget("messaging-service.applications");
        mongo.getDatabase("messages").getCollection(ApplicationFacts.APPLICATIONS).drop();
        assertThat(model("application-facts").getString("checksum")).isNotEqualTo(before);

        assertThat(rebuilds.resumeInterrupted()).containsExactly("application-facts");
        await().atMost(Duration.ofSeconds(60)).until(() -> "REBUILT".equals(model("application-facts").getString("state")));
        assertThat(model("application-facts").getString("checksum")).isEqualTo(before);
        assertThat(mongo.getDatabase("messages").getCollection(ReadModelRebuilds.MARKS).countDocuments()).isZero();
        assertThat(rebuilds.resumeInterrupted()).isEmpty();
    }

    static JsonPath model(String name) {
        return given().auth().oauth2(STAFF).when().get("/admin/read-models/" + name).then().statusCode(200)
                .extract().jsonPath();
    }
}
