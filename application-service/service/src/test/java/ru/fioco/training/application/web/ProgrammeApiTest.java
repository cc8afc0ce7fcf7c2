package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.devstack.TokenMinter;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.testing.TopicReader;

/** Programme catalogue through REST: real Kafka broker in-process, Mongo wire server in memory, tokens signed by the test key. */
@QuarkusTest
class ProgrammeApiTest {

    static final TokenMinter TOKENS = SharedTestStack.get().tokens();
    static final String STAFF = TOKENS.staff("staff@fioco.ru");

    static final String VALID = """
            {"title":"Оценивание функциональной грамотности <b>обучающихся</b>","startDate":"2027-02-01",
             "endDate":"2027-02-12","hours":36,"subjects":["Математика","Читательская грамотность"],
             "pricePerParticipant":12000.00}""";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void staffPublishAProgrammeThatReachesTheCatalogueAndTheApplicationsTopic() {
        Response created = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(VALID)
                .when().post("/programmes")
                .then().statusCode(201)
                .body("title", equalTo("Оценивание функциональной грамотности <b>обучающихся</b>"))
                .body("vat", equalTo("Без НДС"))
                .body("pricePerParticipant", equalTo(12000.00f))
                .extract().response();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/programmes/" + id);

        String representative = TOKENS.representative("school@example.ru", "7707083893");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(representative).when().get("/programmes/" + id)
                        .then().statusCode(200)
                        .body("subjects", containsInAnyOrder("Математика", "Читательская грамотность"))
                        .body("startDate", equalTo("2027-02-01"))
                        .body("hours", equalTo(36)));
        given().auth().oauth2(TOKENS.auditor("auditor@fioco.ru")).when().get("/programmes")
                .then().statusCode(200).body("id", hasItem(id));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TopicReader.readAll(kafka, "applications").stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> r = records.get(0);
            assertThat(CloudEvents.header(r.headers(), CloudEvents.TYPE)).isEqualTo("ru.fioco.training.applications.ProgrammePublished");
            assertThat(CloudEvents.header(r.headers(), CloudEvents.SOURCE)).isEqualTo("/application-service");
            assertThat(CloudEvents.header(r.headers(), CloudEvents.SUBJECT)).isEqualTo(id);
            assertThat(CloudEvents.header(r.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(CloudEvents.header(r.headers(), CloudEvents.ACTOR)).isEqualTo("staff@fioco.ru");
            assertThat(CloudEvents.header(r.headers(), CloudEvents.ID)).isNotBlank();
            assertThat(CloudEvents.header(r.headers(), CloudEvents.TIME)).isNotBlank();
            assertThat(r.value()).contains("\"programmeId\":\"" + id + "\"", "\"hours\":36");
        });
    }

    @Test
    void auditorsReadTheCatalogueByAnAllowListWithoutTheTutors() throws Exception {
        String id = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"title":"Тьюторы и аудит","startDate":"2027-02-01","endDate":"2027-02-12","hours":36,
                 "subjects":["Математика"],"pricePerParticipant":12000.00,
                 "lmsCourseUrl":"https://lms.fioco.ru/course/view.php?id=7",
                 "tutors":[{"name":"Орлова Мария Петровна","email":"orlova@fioco.ru"}]}""")
                .when().post("/programmes").then().statusCode(201).extract().path("id");
        String auditor = TOKENS.auditor("auditor@fioco.ru");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(auditor).when()
                .get("/programmes/" + id).then().statusCode(200).body("title", equalTo("Тьюторы и аудит")));
        String one = given().auth().oauth2(auditor).when().get("/programmes/" + id).then().extract().asString();
        String all = given().auth().oauth2(auditor).when().get("/programmes").then().statusCode(200).extract()
                .asString();
        for (String answer : List.of(one, all)) {
            assertThat(answer).doesNotContain("Орлова", "orlova@fioco.ru");
        }
        // field by field: nothing the allow-list does not name
        List<String> shown = AuditorView.shownPaths(new ObjectMapper().readTree(one));
        assertThat(shown).isNotEmpty().allSatisfy(path -> assertThat(AuditorView.allows(ProgrammeResource.AUDITOR_SEES,
                path)).as(path).isTrue());
        assertThat(shown).contains("title", "startDate", "pricePerParticipant", "subjects[]", "lmsCourseUrl");
        // staff and the schools see the tutors they write to
        given().auth().oauth2(TOKENS.representative("school@example.ru", "7707083893")).when().get("/programmes/" + id)
                .then().body("tutors[0].email", equalTo("orlova@fioco.ru"));
        given().auth().oauth2(STAFF).when().get("/programmes").then().body("find { it.id == '" + id + "' }.tutors[0].name",
                equalTo("Орлова Мария Петровна"));
    }

    @Test
    void staffChangeAndCloseAProgrammeAndOthersMayNot() {
        String id = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(VALID).when().post("/programmes")
                .then().statusCode(201).extract().path("id");
        String representative = TOKENS.representative("school@example.ru", "7707083893");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(representative).when().get("/programmes/" + id).then().statusCode(200));

        String changed = VALID.replace("\"hours\":36", "\"hours\":72");
        given().auth().oauth2(representative).contentType(ContentType.JSON).body(changed).when().put("/programmes/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(changed.replace("\"2027-02-12\"", "\"2027-01-01\""))
                .when().put("/programmes/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("endDate")));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(changed).when().put("/programmes/no-such")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(changed).when().put("/programmes/" + id)
                .then().statusCode(200).body("hours", equalTo(72));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(representative).when().get("/programmes/" + id).then().body("hours", equalTo(72)));

        given().auth().oauth2(representative).when().post("/programmes/" + id + "/closure").then().statusCode(403);
        given().auth().oauth2(STAFF).when().post("/programmes/" + id + "/closure").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().auth().oauth2(representative).when().get("/programmes").then().body("id", Matchers.not(hasItem(id)));
            given().auth().oauth2(STAFF).queryParam("includeClosed", true).when().get("/programmes").then()
                    .body("find { it.id == '" + id + "' }.open", equalTo(false));
        });
        given().auth().oauth2(STAFF).when().post("/programmes/" + id + "/closure").then().statusCode(409);
        // a closed programme takes no new applications
        given().auth().oauth2(representative).contentType(ContentType.JSON)
                .body(ApplicationApiTest.form(id, 1).toString()).when().post("/applications")
                .then().statusCode(422).body("rule", equalTo("programme-closed"));
    }

    @Test
    void missingFieldsAreAllNamedAndNothingIsStored() {
        long before = storedProgrammeEvents();
        problem(STAFF, "{}", 400)
                .body("errors.field", containsInAnyOrder("title", "startDate", "endDate", "hours", "subjects",
                        "pricePerParticipant"));
        assertThat(storedProgrammeEvents()).isEqualTo(before);
    }

    @Test
    void aQualificationUpgradeProgrammeHasAtLeastSixteenHours() {
        long before = storedProgrammeEvents();
        problem(STAFF, VALID.replace("\"hours\":36", "\"hours\":15"), 400)
                .body("errors.field", equalTo(List.of("hours")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("не менее 16 часов"));
        assertThat(storedProgrammeEvents()).isEqualTo(before);
    }

    @Test
    void endBeforeStartIsRefusedNamingTheEndDate() {
        long before = storedProgrammeEvents();
        problem(STAFF, VALID.replace("\"2027-02-12\"", "\"2027-01-20\""), 400)
                .body("errors.field", equalTo(List.of("endDate")));
        assertThat(storedProgrammeEvents()).isEqualTo(before);
    }

    @Test
    void everyWrongFieldIsReportedAtOnceIncludingTheDates() {
        problem(STAFF, """
                {"title":"","startDate":"2027-02-12","endDate":"2027-02-01","hours":-1,"subjects":[],
                 "pricePerParticipant":-1}""", 400)
                .body("errors.field", containsInAnyOrder("title", "endDate", "hours", "subjects", "pricePerParticipant"));
    }

    @Test
    void negativeOrFractionalKopeckPriceIsRefused() {
        problem(STAFF, VALID.replace("12000.00", "-1"), 400).body("errors.field", equalTo(List.of("pricePerParticipant")));
        problem(STAFF, VALID.replace("12000.00", "100.005"), 400).body("errors.field", equalTo(List.of("pricePerParticipant")));
    }

    @Test
    void blankOrRepeatedSubjectsAreNamedByIndex() {
        problem(STAFF, VALID.replace("[\"Математика\",\"Читательская грамотность\"]", "[\"Математика\",\" \"]"), 400)
                .body("errors.field", equalTo(List.of("subjects[1]")));
        problem(STAFF, VALID.replace("[\"Математика\",\"Читательская грамотность\"]", "[\"Математика\",\"математика \"]"), 400)
                .body("errors.field", equalTo(List.of("subjects[1]")));
    }

    @Test
    void wrongTypesAndMalformedJsonGetAProblem() {
        problem(STAFF, VALID.replace("36", "\"тридцать шесть\""), 400).body("errors.field", equalTo(List.of("hours")));
        problem(STAFF, VALID.replace("\"2027-02-01\"", "\"01.02.2027\""), 400).body("errors.field", equalTo(List.of("startDate")));
        problem(STAFF, "{\"title\": ", 400).body("title", notNullValue());
        problem(STAFF, "", 400);
    }

    @Test
    void onlyStaffMayPublish() {
        long before = storedProgrammeEvents();
        problem(TOKENS.representative("school@example.ru", "7707083893"), VALID, 403);
        problem(TOKENS.auditor("auditor@fioco.ru"), VALID, 403);
        assertThat(storedProgrammeEvents()).isEqualTo(before);
    }

    @Test
    void noTokenABadTokenOrAForeignIssuerIsUnauthenticated() {
        given().contentType(ContentType.JSON).body(VALID).when().post("/programmes")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        problem("not-a-jwt", VALID, 401);
        problem(TOKENS.mint("staff@fioco.ru", "staff", null, Duration.ofSeconds(-60)), VALID, 401);
        given().when().get("/programmes").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownProgrammeIsNotFound() {
        given().auth().oauth2(STAFF).when().get("/programmes/no-such-programme")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/programmes/no-such-programme"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health").then().statusCode(200)
                .body("checks.name", hasItems("event-publisher"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(Matchers.containsString("platform_events_published"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", Matchers.hasKey("/programmes"));
    }

    private ValidatableResponse problem(String token, String body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/programmes")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body(Matchers.not(Matchers.containsString("Exception")));
    }

    private long storedProgrammeEvents() {
        return mongo.getDatabase("applications").getCollection("domainevents")
                .countDocuments(new Document("type", "Programme"));
    }
}
