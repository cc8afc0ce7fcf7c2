package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static ru.fioco.training.application.web.RepresentativeApiTest.AUDITOR;
import static ru.fioco.training.application.web.RepresentativeApiTest.STAFF;
import static ru.fioco.training.application.web.RepresentativeApiTest.TOKENS;
import static ru.fioco.training.application.web.RepresentativeApiTest.confirm;
import static ru.fioco.training.application.web.RepresentativeApiTest.freshInn;
import static ru.fioco.training.application.web.RepresentativeApiTest.register;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.infra.RecordingIdentityDirectory;
import ru.fioco.training.platform.testing.RebuildCheck;

/**
 * A former representative's personal data destroyed through REST (152-FZ art. 21): only once their request was
 * refused or their representation revoked; their profile, reasons and history read «удалено», they are no longer found
 * by name, their account at the identity provider goes, and the act of destruction lists who looked at their data.
 */
@QuarkusTest
class RepresentativeErasureApiTest {

    static final String ERASED = "удалено";

    @Inject
    RecordingIdentityDirectory directory;

    @Test
    void aFormerRepresentativesDataAreDestroyedWithTheirAccountAndTheActListsWhoSawThem() throws Exception {
        String person = "rep-" + UUID.randomUUID();
        String token = TOKENS.mint(person, "representative", null, Duration.ofHours(1));
        String inn = freshInn();
        register(token, inn).then().statusCode(204);
        String other = "rep-" + UUID.randomUUID();
        register(TOKENS.mint(other, "representative", null, Duration.ofHours(1)), freshInn()).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found(person)).isEqualTo(1));
        // staff open the person's card: a view of their data, for the act's extract
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF).when()
                .get("/representatives/" + person).then().statusCode(200).body("profile.surname", equalTo("Сумкин")));

        // asking to act: processed under the agreement still, so refused first
        erase(STAFF, person, "CONSENT_WITHDRAWN").then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("representation-active"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"Отозвал согласие\"}")
                .when().post("/representatives/" + person + "/refusal").then().statusCode(204);
        String act = erase(STAFF, person, "CONSENT_WITHDRAWN").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/representatives/" + person + "/erasure/act"))
                .extract().path("act");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath view = given().auth().oauth2(STAFF).when().get("/representatives/" + person).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(view.getString("status")).isEqualTo("ERASED");
            assertThat(view.getString("statusTitle")).isEqualTo("данные уничтожены");
            for (String field : new String[] {"surname", "name", "patronymic", "education", "email", "phone", "login",
                "position"}) {
                assertThat(view.getString("profile." + field)).as(field).isEqualTo(ERASED);
            }
            assertThat(view.getString("reason")).isEqualTo(ERASED);
            assertThat(view.getString("erasure.basis")).isEqualTo("CONSENT_WITHDRAWN");
            assertThat(view.getString("erasure.erasedBy")).isEqualTo("staff@fioco.ru");
        });
        // no longer found by their login; the other person is intact and found
        assertThat(found(person)).isZero();
        assertThat(found(other)).isEqualTo(1);
        given().auth().oauth2(STAFF).when().get("/representatives/" + other).then().body("profile.surname",
                equalTo("Сумкин"));
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.forgotten(person));
        assertThat(directory.forgotten(other)).isFalse();
        String history = given().auth().oauth2(STAFF).when().get("/representatives/" + person + "/history").then()
                .statusCode(200).extract().asString();
        assertThat(history).contains("Персональные данные уничтожены (отзыв субъектом согласия")
                .doesNotContain("Сумкин", "sumkin@school.ru", "Отозвал согласие", "Заместитель директора");

        // a token still valid cannot bring the data back under the destroyed key
        register(token, inn).then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("erased"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"trainingApplications\":true,\"supportRequests\":false,\"eventApplications\":false}")
                .when().put("/representatives/me/settings").then().statusCode(409);
        erase(STAFF, person, "CONSENT_WITHDRAWN").then().statusCode(409).body("rule", equalTo("already-erased"));

        // the act: whose (by id), what, how, why, who, and the extract; nothing of what it destroyed
        String text = ErasureApiTest.actText(act);
        assertThat(text).contains("об уничтожении персональных данных", "представитель организации", person, inn,
                "логин", "криптографическое уничтожение", "отзыв субъектом согласия", "staff@fioco.ru",
                "Выписка из журнала доступа", "просмотрены данные представителя")
                .doesNotContain("Сумкин", "sumkin@school.ru", "+74951234567");

        RebuildCheck.rebuildsIdentically(STAFF, "representative-registry");
        given().auth().oauth2(STAFF).when().get("/representatives/" + person).then().body("profile.surname",
                equalTo(ERASED)).body("status", equalTo("ERASED"));
    }

    @Test
    void onlyStaffEraseARepresentativeBadInputIsNamedAndOnlyStaffAndAuditorsReadTheAct() {
        String person = "rep-" + UUID.randomUUID();
        String token = TOKENS.mint(person, "representative", null, Duration.ofHours(1));
        String inn = freshInn();
        register(token, inn).then().statusCode(204);
        String noRole = TOKENS.mint("nobody@example.ru", "guest", null, Duration.ofMinutes(5));
        for (String wrong : new String[] {token, AUDITOR, noRole}) {
            erase(wrong, person, "PURPOSE_ACHIEVED").then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("basis", "PURPOSE_ACHIEVED")).when()
                .post("/representatives/" + person + "/erasure").then().statusCode(401);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}").when()
                .post("/representatives/" + person + "/erasure").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("basis"));
        erase(STAFF, person, "ПОТОМУ").then().statusCode(400).body("errors.field", hasItem("basis"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("[1,2]").when()
                .post("/representatives/" + person + "/erasure").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).when()
                .post("/representatives/" + person + "/erasure").then().statusCode(400)
                .body("errors.field", hasItem("basis"));
        erase(STAFF, "rep-nobody-" + UUID.randomUUID(), "PURPOSE_ACHIEVED").then().statusCode(404)
                .contentType("application/problem+json");

        // a confirmed representative acts for the school: revoked first
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> confirm(STAFF, person, inn).then().statusCode(204));
        erase(STAFF, person, "PURPOSE_ACHIEVED").then().statusCode(409).body("rule", equalTo("representation-active"));

        // no act before an erasure; never for the person themself or a role-less token
        given().auth().oauth2(STAFF).when().get("/representatives/" + person + "/erasure/act").then().statusCode(404)
                .contentType("application/problem+json");
        for (String wrong : new String[] {token, noRole}) {
            given().auth().oauth2(wrong).when().get("/representatives/" + person + "/erasure/act").then()
                    .statusCode(403);
        }
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"Уволился\"}")
                .when().post("/representatives/" + person + "/revocation").then().statusCode(204);
        erase(STAFF, person, "PURPOSE_ACHIEVED").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(AUDITOR).when()
                .get("/representatives/" + person + "/erasure/act").then().statusCode(200)
                .contentType(ErasureResource.DOCX));
        // the auditor's card: the erasure shows, the person does not
        given().auth().oauth2(AUDITOR).when().get("/representatives/" + person).then().statusCode(200)
                .body("status", equalTo("ERASED")).body("erasure.basis", equalTo("PURPOSE_ACHIEVED"))
                .body("profile.email", equalTo("скрыто"));
    }

    private static Response erase(String token, String person, String basis) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("basis", basis)).when()
                .post("/representatives/" + person + "/erasure");
    }

    /** How many registrations staff find by the person's login (the whole login: a blind index). */
    private static int found(String login) {
        return given().auth().oauth2(STAFF).queryParam("q", login).when().get("/representatives").then()
                .statusCode(200).extract().path("total");
    }
}
