package ru.fioco.training.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static ru.fioco.training.systemtests.LifecycleDriver.WAIT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.KeycloakServer;
import ru.fioco.training.devstack.LocalAccounts;
import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.systemtests.LifecycleDriver.App;

/**
 * Sign-in for real: the platform with Keycloak (its distribution from Maven, on a JDK 21+), the realm from the
 * repository's file, the services verifying its tokens by configuration only. A new person registers, drafts while
 * unconfirmed and is refused the submission, is confirmed by staff (application-service tells Keycloak), gets the
 * organisation in their next token and submits; is revoked, loses their session and the organisation, and is
 * refused.
 */
class SignInSystemTest {

    static final String INN = "7736207543";
    static LocalPlatform platform;
    static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        platform = KeycloakPlatform.shared();
        keycloak = platform.keycloak().orElseThrow();
    }

    @Test
    void eachRoleSignsInAndEveryServiceAcceptsTheRealmsTokens() {
        String staff = signIn("staff");
        String auditor = signIn("auditor");
        String school = signIn("school");
        assertThat(LocalAccounts.claim(staff, "iss")).isEqualTo(keycloak.issuer());
        assertThat(LocalAccounts.claim(school, "org")).as("the seeded representative is confirmed")
                .isEqualTo(LocalPlatform.LOCAL_SCHOOL_INN);
        assertThat(LocalAccounts.claim(staff, "org")).isNull();
        for (String token : List.of(staff, auditor)) {
            call("application-service", token).when().get("/applications").then().statusCode(200);
            call("document-service", token).when().get("/applications/none/documents").then().statusCode(404);
            call("contract-service", token).when().get("/contracts/none").then().statusCode(404);
            call("messaging-service", token).when().get("/threads").then().statusCode(200);
        }
        call("document-service", staff).when().get("/documents/review-queue").then().statusCode(200);
        call("document-service", auditor).when().get("/documents/review-queue").then().statusCode(403);
        call("contract-service", staff).when().get("/staff/originals-overdue").then().statusCode(200);
        call("application-service", school).when().get("/representatives/me").then().statusCode(200)
                .body("registration.status", equalTo("CONFIRMED")).body("maySubmit", equalTo(true));
        // a token of another issuer (a local key's) is refused by every service
        String foreign = platform.tokens().staff("staff@fioco.ru");
        // the monitoring account (client credentials, role operations) reads the metrics and nothing of the work
        String monitoring = keycloak.monitoringToken();
        assertThat(LocalAccounts.claim(monitoring, "iss")).isEqualTo(keycloak.issuer());
        for (String service : LocalPlatform.LOCAL_PORTS.keySet()) {
            call(service, monitoring).when().get("/q/metrics").then().statusCode(200);
            call(service, monitoring).when().get("/admin/read-models").then().statusCode(403);
            call(service, foreign).when().get("/q/openapi").then().statusCode(200);
            // the metrics are for operators, as in production
            call(service, foreign).when().get("/q/metrics").then().statusCode(401);
            call(service, school).when().get("/q/metrics").then().statusCode(403);
            call(service, staff).when().get("/q/metrics").then().statusCode(200);
            call(service, foreign).when().get(service.equals("messaging-service") ? "/threads" : "/admin/read-models")
                    .then().statusCode(401);
        }
    }

    @Test
    void aNewRepresentativeSubmitsOnlyOnceConfirmedAndIsRefusedOnceRevoked() {
        String staff = signIn("staff");
        String person = keycloak.createPerson("ivanova", "ivanova@school7.ru", "Анна", "Иванова", "Kamen-Ivanova-2026");
        KeycloakServer.Tokens first = keycloak.signIn("ivanova", "Kamen-Ivanova-2026");
        assertThat(LocalAccounts.claim(first.access(), "sub")).isEqualTo(person);
        assertThat(LocalAccounts.claim(first.access(), "org")).as("typing an INN makes nobody a representative").isNull();

        String version = call("application-service", first.access()).when().get("/representatives/agreement")
                .then().statusCode(200).extract().path("version");
        call("application-service", first.access()).contentType(ContentType.JSON).body("""
                {"surname":"Иванова","name":"Анна","patronymic":"Сергеевна","organisationName":"ГБОУ «Школа № 7»",
                 "position":"Завуч","education":"Высшее","phone":"+7 916 123-45-67","inn":"%s",
                 "agreementVersion":"%s","agreementAccepted":true}""".formatted(INN, version))
                .when().put("/representatives/me").then().statusCode(204);

        // awaiting confirmation: a draft, but no submission and no organisation anywhere else
        LifecycleDriver drive = new LifecycleDriver(platform, staff, signIn("auditor"));
        App app = new App(1, INN, first.access(), "PREPAYMENT", 1);
        drive.programme(app, "Функциональная грамотность", LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(45));
        drive.draft(app);
        call("application-service", first.access()).when().post("/applications/" + app.id + "/submit").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("подтвердил"));
        call("document-service", first.access()).when().get("/applications/" + app.id + "/documents").then()
                .statusCode(404);

        // staff confirm: application-service tells Keycloak, and the person's next token carries the organisation
        await().atMost(WAIT).untilAsserted(() -> call("application-service", staff).contentType(ContentType.JSON)
                .body("{\"organisationInn\":\"" + INN + "\"}").when().post("/representatives/" + person + "/confirmation")
                .then().statusCode(204));
        AtomicReference<KeycloakServer.Tokens> current = new AtomicReference<>(first);
        await().atMost(WAIT).until(() -> {
            current.set(keycloak.refresh(current.get().refresh()).orElseThrow());
            return INN.equals(LocalAccounts.claim(current.get().access(), "org"));
        });
        App confirmed = new App(1, INN, current.get().access(), "PREPAYMENT", 1);
        confirmed.id = app.id;
        confirmed.participantIds.addAll(app.participantIds);
        drive.scans(confirmed);
        drive.submit(confirmed);
        drive.awaitStatus(confirmed, "SUBMITTED");

        // revoked: the session ends (no refresh), a new sign-in has no organisation, and the API refuses them
        call("application-service", staff).contentType(ContentType.JSON).body("{\"reason\":\"Сотрудник уволился\"}")
                .when().post("/representatives/" + person + "/revocation").then().statusCode(204);
        String stillValid = current.get().access();
        await().atMost(WAIT).until(() -> {
            // refresh tokens rotate: keep the newest, so that only the ended session can refuse it
            Optional<KeycloakServer.Tokens> next = keycloak.refresh(current.get().refresh());
            next.ifPresent(current::set);
            return next.isEmpty();
        });
        String after = keycloak.signIn("ivanova", "Kamen-Ivanova-2026").access();
        assertThat(LocalAccounts.claim(after, "org")).isNull();
        call("application-service", after).when().get("/applications/" + app.id).then().statusCode(404);
        call("document-service", after).when().get("/applications/" + app.id + "/documents").then().statusCode(404);
        call("messaging-service", after).when().get("/threads/" + app.id).then().statusCode(404);
        // the token issued before the revocation still carries the organisation for its few minutes:
        // application-service's own record refuses it at once
        call("application-service", stillValid).when().get("/applications/" + app.id).then().statusCode(404);
        call("application-service", stillValid).contentType(ContentType.JSON).body("{}").when().post("/applications")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("отозвал"));
        assertThat(Optional.ofNullable(keycloak.attributes(person).get("org"))).isEmpty();
    }

    private static String signIn(String account) {
        KeycloakServer.Account a = keycloak.account(account);
        return keycloak.signIn(a.username(), a.password()).access();
    }

    private static RequestSpecification call(String service, String token) {
        return given().baseUri(platform.service(service).baseUrl()).auth().oauth2(token);
    }
}
