package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.RepresentativeEvent;
import ru.fioco.training.application.domain.PersonalDataAgreement;
import ru.fioco.training.application.domain.requisites.ValidRequisites;
import ru.fioco.training.application.infra.RecordingIdentityDirectory;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.devstack.TokenMinter;

/**
 * Who represents which organisation, through REST: a person registers for an organisation by its INN, may draft
 * but not submit until staff confirm, is confirmed (the identity provider told), submits, is revoked (told again,
 * sessions ended) and refused at once even with a token still carrying the organisation.
 */
@QuarkusTest
class RepresentativeApiTest {

    static final TokenMinter TOKENS = SharedTestStack.get().tokens();
    static final String STAFF = TOKENS.staff("staff@fioco.ru");
    static final String AUDITOR = TOKENS.auditor("auditor@fioco.ru");

    @Inject
    RecordingIdentityDirectory directory;

    @Test
    void aRegistrationIsARequestStaffDecideAndOnlyAConfirmedRepresentativeSubmits() {
        String person = "rep-" + UUID.randomUUID();
        String inn = freshInn();
        String unconfirmed = TOKENS.mint(person, "representative", null, Duration.ofHours(1));
        given().auth().oauth2(unconfirmed).when().get("/representatives/me").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(unconfirmed).when().get("/representatives/agreement").then().statusCode(200)
                .body("version", equalTo(PersonalDataAgreement.CURRENT_VERSION))
                .body("text", containsString("152-ФЗ"));

        register(unconfirmed, inn).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(unconfirmed)
                .when().get("/representatives/me").then().statusCode(200)
                .body("registration.status", equalTo("PENDING"))
                .body("registration.statusTitle", equalTo("ожидает подтверждения"))
                .body("registration.organisationInn", equalTo(inn))
                .body("registration.profile.login", equalTo(person))
                .body("registration.profile.phone", equalTo("+74951234567"))
                .body("registration.agreementVersion", equalTo(PersonalDataAgreement.CURRENT_VERSION))
                .body("registration.settings.trainingApplications", equalTo(true))
                .body("mayDraft", equalTo(true)).body("maySubmit", equalTo(false)));

        // awaiting confirmation: a draft for the organisation, seen by its drafter alone, not submitted
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика");
        ObjectNode form = ApplicationApiTest.form(programme, inn, 1);
        String draft = ApplicationApiTest.draft(unconfirmed, form);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(unconfirmed)
                .when().get("/applications/" + draft).then().statusCode(200));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(unconfirmed)
                .when().get("/applications").then().statusCode(200).body("items.id", equalTo(List.of(draft))));
        String stranger = TOKENS.mint("rep-" + UUID.randomUUID(), "representative", null, Duration.ofHours(1));
        register(stranger, inn).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(stranger)
                .when().get("/representatives/me").then().statusCode(200));
        given().auth().oauth2(stranger).when().get("/applications/" + draft).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/applications").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(form.toString())
                .when().put("/applications/" + draft).then().statusCode(404);
        ApplicationApiTest.submit(unconfirmed, draft).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("ещё не подтвердил"));
        given().auth().oauth2(TOKENS.mint("rep-" + UUID.randomUUID(), "representative", null, Duration.ofHours(1)))
                .contentType(ContentType.JSON).body(form.toString()).when().post("/applications").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("Зарегистрируйтесь"));

        // staff decide; nobody else may
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .queryParam("status", "PENDING").queryParam("q", inn).when().get("/representatives").then()
                .statusCode(200).body("items.representativeId", hasItem(person)));
        given().auth().oauth2(AUDITOR).queryParam("q", inn).when().get("/representatives").then().statusCode(200)
                .body("items.find { it.representativeId == '" + person + "' }.profile.surname", equalTo("С."))
                .body("items.find { it.representativeId == '" + person + "' }.profile.email", equalTo("скрыто"));
        given().auth().oauth2(unconfirmed).when().get("/representatives").then().statusCode(403)
                .contentType("application/problem+json");
        for (String token : List.of(unconfirmed, AUDITOR)) {
            confirm(token, person, inn).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .when().post("/representatives/" + person + "/revocation").then().statusCode(403);
        }
        confirm(STAFF, person, ValidRequisites.INN_ORGANISATION).then().statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("request-changed"));
        confirm(STAFF, person, null).then().statusCode(400).body("errors.field", hasItem("organisationInn"));
        confirm(STAFF, "nobody-" + UUID.randomUUID(), inn).then().statusCode(404).contentType("application/problem+json");
        confirm(STAFF, person, inn).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.organisationOf(person).orElse(""), inn::equals);

        // the identity provider's next token carries the organisation: the draft is submitted
        String confirmed = TOKENS.mint(person, "representative", inn, Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(confirmed)
                .when().get("/representatives/me").then().body("maySubmit", equalTo(true)));
        ApplicationApiTest.submit(confirmed, draft).then().statusCode(200);

        // revoked: told to the identity provider with the sessions ended; the token not yet expired is refused here
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post("/representatives/" + person + "/revocation").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"Сотрудник уволился\"}")
                .when().post("/representatives/" + person + "/revocation").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.organisationOf(person).isEmpty()
                && directory.sessionsEnded(person));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(confirmed)
                .when().get("/applications/" + draft).then().statusCode(404));
        given().auth().oauth2(confirmed).contentType(ContentType.JSON).body(form.toString()).when().post("/applications")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("отозвал"));
        given().auth().oauth2(confirmed).when().get("/applications").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(confirmed).when().get("/representatives/me").then()
                .body("registration.status", equalTo("REVOKED")).body("registration.reason", equalTo("Сотрудник уволился"))
                .body("maySubmit", equalTo(false)).body("mayDraft", equalTo(false));

        // the record of who decided what: whole for staff, masked for auditors
        given().auth().oauth2(STAFF).when().get("/representatives/" + person + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("RepresentativeRegistered", "RepresentativeConfirmed",
                        "RepresentativeRevoked")))
                .body("actor", equalTo(List.of(person, "staff@fioco.ru", "staff@fioco.ru")))
                .body("[1].summary", equalTo("Институт подтвердил представительство организации с ИНН " + inn));
        given().auth().oauth2(AUDITOR).when().get("/representatives/" + person + "/history").then().statusCode(200)
                .body("actor", everyItemNull())
                .body("[0].data.profile.surname", equalTo("С."))
                .body("[0].data.profile.email", equalTo("скрыто"))
                .body("[2].data.reason", equalTo("скрыто"));
        given().auth().oauth2(confirmed).when().get("/representatives/" + person + "/history").then().statusCode(403);
        given().auth().oauth2(STAFF).when().get("/representatives/nobody/history").then().statusCode(404);

        // a revoked person may ask again: pending once more
        register(confirmed, inn).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(confirmed)
                .when().get("/representatives/me").then().body("registration.status", equalTo("PENDING")));
    }

    @Test
    void badRegistrationsAreRefusedNamingEveryFieldAndNothingIsRecorded() {
        String person = "rep-" + UUID.randomUUID();
        String token = TOKENS.mint(person, "representative", null, Duration.ofHours(1));
        String body = registration(freshInn(), PersonalDataAgreement.CURRENT_VERSION, true);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(registration("7707083890", PersonalDataAgreement.CURRENT_VERSION, true)
                        .replace("\"Сумкин\"", "\"" + "С".repeat(101) + "\"").replace("+7 (495) 123-45-67", "12"))
                .when().put("/representatives/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("inn", "surname", "phone"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(registration(freshInn(), null, false))
                .when().put("/representatives/me").then().statusCode(400).body("errors.field", hasItem("agreementAccepted"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(registration(freshInn(), "2020-01-01", true))
                .when().put("/representatives/me").then().statusCode(400).body("errors.field", hasItem("agreementVersion"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"surname\": ")
                .when().put("/representatives/me").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body.replace("\"Высшее педагогическое\"",
                        "\"" + "о".repeat(600_000) + "\""))
                .when().put("/representatives/me").then().statusCode(413).contentType("application/problem+json");
        // staff and auditors are no organisation's representatives
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).when().put("/representatives/me")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).when().get("/representatives/me").then().statusCode(403);
        given().when().get("/representatives/me").then().statusCode(401);
        given().auth().oauth2(token).when().get("/representatives/me").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"trainingApplications\":true}")
                .when().put("/representatives/me/settings").then().statusCode(404);
        given().auth().oauth2(STAFF).queryParam("size", 101).queryParam("status", "MAYBE").when().get("/representatives")
                .then().statusCode(400).body("errors.field", hasItems("size", "status"));
        given().auth().oauth2(STAFF).queryParam("page", "вторая").when().get("/representatives")
                .then().statusCode(400).body("errors.field", hasItems("page"));
    }

    @Test
    void aRefusedRequestSaysWhyTheSettingsAreThePersonsOwnAndAStaleDecisionIsAConflict() {
        String person = "rep-" + UUID.randomUUID();
        String token = TOKENS.mint(person, "representative", null, Duration.ofHours(1));
        String inn = freshInn();
        register(token, inn).then().statusCode(204);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"trainingApplications\":true,\"supportRequests\":true,\"eventApplications\":false}")
                .when().put("/representatives/me/settings").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/representatives/me").then().body("registration.settings.supportRequests", equalTo(true)));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"Нет доверенности\"}")
                .when().post("/representatives/" + person + "/refusal").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/representatives/me").then().body("registration.status", equalTo("REFUSED"))
                .body("registration.reason", equalTo("Нет доверенности")).body("mayDraft", equalTo(false)));
        confirm(STAFF, person, inn).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/representatives/" + person + "/revocation").then().statusCode(409);
        assertThat(directory.organisationOf(person)).isEmpty();
        assertThat(directory.sessionsEnded(person)).as("a refused person was never linked: still signed in").isFalse();
        assertThat(LocalPlatform.TOPICS).contains(RepresentativeEvent.TOPIC);
    }

    // ---- helpers ------------------------------------------------------------------------------

    static String freshInn() {
        return ValidRequisites.inn10(ThreadLocalRandom.current().nextInt(1, 9_000_000));
    }

    static Response register(String token, String inn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(registration(inn, PersonalDataAgreement.CURRENT_VERSION, true)).when().put("/representatives/me");
    }

    static String registration(String inn, String agreementVersion, boolean accepted) {
        return """
                {"surname":"Сумкин","name":"Фёдор","patronymic":"Иванович","organisationName":"МБОУ «Школа № 1»",
                 "position":"Заместитель директора","education":"Высшее педагогическое","phone":"+7 (495) 123-45-67",
                 "email":"sumkin@school.ru","inn":"%s","agreementVersion":%s,"agreementAccepted":%s}"""
                .formatted(inn, agreementVersion == null ? "null" : "\"" + agreementVersion + "\"", accepted);
    }

    static Response confirm(String token, String person, String inn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(inn == null ? "{}" : "{\"organisationInn\":\"" + inn + "\"}")
                .when().post("/representatives/" + person + "/confirmation");
    }

    private static Matcher<Iterable<? extends Object>> everyItemNull() {
        return Matchers.everyItem(nullValue());
    }
}
