package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static ru.fioco.training.application.web.ApplicationApiTest.AUDITOR;
import static ru.fioco.training.application.web.ApplicationApiTest.OTHER_SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.STAFF;
import static ru.fioco.training.application.web.ApplicationApiTest.TOKENS;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.RebuildCheck;

/**
 * Staff destroy a participant's data in an ended application through REST: the key goes, so the form, the
 * corrections, the search and the history read «удалено» for that participant while the applicant and the other
 * participant stay readable; the act of destruction names the participant by id only; a rebuild agrees. Wrong
 * roles, an active application, bad input and a second erasure are refused, naming the field or the rule.
 */
@QuarkusTest
class ErasureApiTest {

    static final String ERASED = "удалено";

    @Test
    void staffEraseAParticipantOfAWithdrawnApplicationAndEveryViewReadsErasedForThemOnly() throws Exception {
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика", "Физика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 2));
        JsonPath before = detail(id);
        String erased = before.getString("form.participants[0].participantId");
        String kept = before.getString("form.participants[1].participantId");
        String surname = before.getString("form.participants[0].surname");
        String snils = before.getString("form.participants[0].snils");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(found(surname)).contains(id));

        // a live application still processes the data: refused, naming the rule
        erase(STAFF, id, Map.of("subject", "PARTICIPANT", "participantId", erased, "basis", "CONSENT_WITHDRAWN"))
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("erasure-while-active"));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"reason\":\"Участник отозвал согласие\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(200);

        // the other services' logs, as their shippers send them: a scan and a contract document downloaded, the
        // register exported (sent twice: at least once on the topic), an unreadable record, another person's entry
        Instant now = Instant.now();
        String shippedScan = "document-service/" + UUID.randomUUID();
        shipAccessLog(
                new AccessLog.Shipped(shippedScan, "document-service", now.minusSeconds(30), "staff@fioco.ru", "staff",
                        "SCAN_DOWNLOADED", id, List.of("participant:" + erased), "d-passport"),
                new AccessLog.Shipped("contract-service/" + UUID.randomUUID(), "contract-service", now.minusSeconds(20),
                        "staff@fioco.ru", "staff", "CONTRACT_DOCUMENT_DOWNLOADED", id,
                        List.of("participant:" + erased, "signatory:" + id), "cd-1"),
                new AccessLog.Shipped("contract-service/register-1-" + id, "contract-service", now.minusSeconds(10),
                        "staff@fioco.ru", "staff", "REGISTER_EXPORTED", null,
                        List.of("participant:" + kept, "participant:" + erased), "2027"),
                new AccessLog.Shipped("contract-service/register-1-" + id, "contract-service", now.minusSeconds(10),
                        "staff@fioco.ru", "staff", "REGISTER_EXPORTED", null,
                        List.of("participant:" + kept, "participant:" + erased), "2027"),
                new AccessLog.Shipped("messaging-service/" + UUID.randomUUID(), "messaging-service", now,
                        "staff@fioco.ru", "staff", "ATTACHMENT_DOWNLOADED", id, List.of("participant:" + kept), "a-1"));
        try (KafkaProducer<String, String> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(AccessLog.TOPIC, "x", "{not json")).get();
        }

        String act = erase(STAFF, id, Map.of("subject", "PARTICIPANT", "participantId", erased,
                "basis", "CONSENT_WITHDRAWN")).then().statusCode(201).extract().path("act");

        // the key is destroyed by its own processor: every copy reads «удалено» for that participant only
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = detail(id);
            assertThat(after.getString("form.participants[0].surname")).isEqualTo(ERASED);
            assertThat(after.getString("form.participants[0].snils")).isEqualTo(ERASED);
            assertThat(after.getString("form.participants[0].birthDate")).isNull();
            assertThat(after.getString("form.participants[1].surname")).isEqualTo(before.getString("form.participants[1].surname"));
            assertThat(after.getString("form.participants[1].participantId")).isEqualTo(kept);
            assertThat(after.getString("form.applicant.surname")).isEqualTo("Сумкин");
            assertThat(after.getList("erasures.participantId", String.class)).containsExactly(erased);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(found(surname)).doesNotContain(id));
        assertThat(found(snils)).doesNotContain(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String history = given().auth().oauth2(STAFF).when().get("/applications/" + id + "/history").then()
                    .statusCode(200).extract().asString();
            assertThat(history).contains("Уничтожены персональные данные (участник)").doesNotContain(snils);
            assertThat(JsonPath.from(history).getString("steps.find { it.type == 'ApplicationDrafted' }"
                    + ".data.form.participants[0].surname")).isEqualTo(ERASED);
        });

        // the act of destruction: what, whose (by id), how, why, when, who, and nothing of what it destroyed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(actText(act))
                .contains("выгружен реестр удостоверений", "скачан скан документа"));
        String text = actText(act);
        assertThat(text).contains("об уничтожении персональных данных", erased, "СНИЛС", "криптографическое уничтожение",
                "отзыв субъектом согласия", "staff@fioco.ru").doesNotContain(surname, snils);
        // with the extract of every service's access log: staff read the participant's data here, downloaded their
        // scan and contract document and exported the register elsewhere (each once); another person's view is not
        assertThat(text).contains("Выписка из журнала доступа", "просмотрены данные участников",
                "скачан скан документа", "скачан документ договора").doesNotContain("скачано вложение переписки");
        assertThat(text.split("выгружен реестр удостоверений", -1)).hasSize(2);

        // each person once; the rebuilt board agrees with the live one
        erase(STAFF, id, Map.of("subject", "PARTICIPANT", "participantId", erased, "basis", "CONSENT_WITHDRAWN"))
                .then().statusCode(409).body("rule", equalTo("already-erased"));
        RebuildCheck.rebuildsIdentically(STAFF, "application-board");
        assertThat(detail(id).getString("form.participants[0].surname")).isEqualTo(ERASED);
        assertThat(detail(id).getString("form.participants[1].surname")).isNotEqualTo(ERASED);
        assertThat(given().auth().oauth2(STAFF).when().get("/applications/" + id + "/erasures").then().statusCode(200)
                .extract().jsonPath().getList("basis", String.class)).containsExactly("CONSENT_WITHDRAWN");
    }

    @Test
    void onlyStaffEraseBadInputIsNamedAndOnlyStaffAndAuditorsReadTheActs() {
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 1));
        String participant = detail(id).getString("form.participants[0].participantId");
        Map<String, String> valid = Map.of("subject", "PARTICIPANT", "participantId", participant, "basis",
                "RETENTION_EXPIRED");
        String noRole = TOKENS.mint("nobody@example.ru", "guest", null, Duration.ofMinutes(5));
        for (String wrong : List.of(SCHOOL, OTHER_SCHOOL, AUDITOR, noRole)) {
            erase(wrong, id, valid).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(valid).when().post("/applications/" + id + "/erasures").then()
                .statusCode(401);
        given().auth().oauth2(SCHOOL).when().get("/applications/" + id + "/erasures").then().statusCode(403);
        given().auth().oauth2(noRole).when().get("/applications/" + id + "/erasures").then().statusCode(403);
        given().auth().oauth2(SCHOOL).when().get("/applications/" + id + "/erasures/x/act").then().statusCode(403);

        erase(STAFF, id, Map.of("participantId", participant)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("subject"))
                .body("errors.field", hasItem("basis"));
        erase(STAFF, id, Map.of("subject", "ДИРЕКТОР", "basis", "ПОТОМУ")).then().statusCode(400)
                .body("errors.field", hasItem("subject")).body("errors.field", hasItem("basis"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("[1,2]").when()
                .post("/applications/" + id + "/erasures").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"reason\":\"Отказались\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(200);
        erase(STAFF, id, Map.of("subject", "PARTICIPANT", "participantId", "нет-такого", "basis", "PURPOSE_ACHIEVED"))
                .then().statusCode(400).body("errors.field", hasItem("participantId"));
        erase(STAFF, id, Map.of("subject", "PARTICIPANT", "participantId", "x".repeat(101), "basis", "PURPOSE_ACHIEVED"))
                .then().statusCode(400).body("errors.field", hasItem("participantId"));
        erase(STAFF, id, Map.of("subject", "APPLICANT", "participantId", participant, "basis", "PURPOSE_ACHIEVED"))
                .then().statusCode(400).body("errors.field", hasItem("participantId"));
        erase(STAFF, UUID.randomUUID().toString(), valid).then().statusCode(404).contentType("application/problem+json");

        // the applicant erased: the contact reads «удалено», the participant does not
        erase(STAFF, id, Map.of("subject", "APPLICANT", "basis", "PURPOSE_ACHIEVED")).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = detail(id);
            assertThat(after.getString("form.applicant.surname")).isEqualTo(ERASED);
            assertThat(after.getString("form.applicant.email")).isEqualTo(ERASED);
            assertThat(after.getString("form.participants[0].surname")).isNotEqualTo(ERASED);
        });
        given().auth().oauth2(STAFF).when().get("/applications/" + id + "/erasures/" + UUID.randomUUID() + "/act")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.Response erase(String token, String id, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/applications/" + id + "/erasures");
    }

    /** The application as staff read it (a new draft reaches the board a moment after it is stored). */
    private static JsonPath detail(String id) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(STAFF).when()
                .get("/applications/" + id).then().extract(), r -> r.statusCode() == 200).jsonPath();
    }

    private static List<String> found(String text) {
        return given().auth().oauth2(STAFF).queryParam("q", text).queryParam("size", 100).when().get("/applications")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    static String actText(String act) throws java.io.IOException {
        byte[] docx = given().auth().oauth2(AUDITOR).when().get(act).then().statusCode(200)
                .contentType(ErasureResource.DOCX).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    static KafkaProducer<String, String> rawProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
    }

    /** Sends entries as another service's {@code AccessLogShipper} does. */
    static void shipAccessLog(AccessLog.Shipped... entries) throws Exception {
        try (KafkaProducer<String, String> producer = rawProducer()) {
            for (AccessLog.Shipped e : entries) {
                producer.send(new ProducerRecord<>(AccessLog.TOPIC, e.subjects().get(0),
                        EventJson.mapper().writeValueAsString(e))).get();
            }
        }
    }
}
