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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.messaging.Lifecycle;

/**
 * The thread board dropped and rebuilt from the event store comes out with the same checksum, and the
 * rebuild mails nobody again (the mail processor keeps its place).
 */
@QuarkusTest
class ReadModelRebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @jakarta.inject.Inject
    com.mongodb.client.MongoClient mongo;

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
        ru.fioco.training.platform.testing.RebuildCheck.rebuildsIdentically(STAFF, "thread-board");

        // a stray document (a bug, a hand edit) is not in the events: a rebuild removes it, and says the model drifted
        mongo.getDatabase("messages").getCollection("thread_messages")
                .insertOne(new org.bson.Document("_id", "stray").append("applicationId", id).append("sequence", 99));
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
                .jsonPath().getList("readModel", String.class)).containsExactly("thread-board");
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

    static JsonPath model(String name) {
        return given().auth().oauth2(STAFF).when().get("/admin/read-models/" + name).then().statusCode(200)
                .extract().jsonPath();
    }
}
