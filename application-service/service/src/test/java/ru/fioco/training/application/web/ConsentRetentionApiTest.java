package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static ru.fioco.training.application.web.ApplicationApiTest.AUDITOR;
import static ru.fioco.training.application.web.ApplicationApiTest.OTHER_SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.STAFF;
import static ru.fioco.training.application.web.ApplicationApiTest.TOKENS;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.AdjustableClock;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.testing.RebuildCheck;

/**
 * Consent as data and retention running by itself, through REST: each participant's consent is recorded at
 * submission (text version, moment, who confirmed it); staff record a withdrawal with its 30-day deadline; the
 * retention pass destroys a withdrawn consent's data once the application has ended, and everyone's data once its
 * retention period is over, and lists what it destroyed. Bad dates, wrong roles and repeated withdrawals are refused.
 */
@QuarkusTest
class ConsentRetentionApiTest {

    static final String ERASED = "удалено";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Inject
    AdjustableClock clock;


    @AfterEach
    void today() {
        clock.set(TODAY);
    }

    @Test
    void aConsentIsRecordedAtSubmissionAndAWithdrawalIsRecordedWithItsDeadline() {
        clock.set(TODAY);
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика", "Физика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 2));
        String participant = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(STAFF).when()
                .get("/applications/" + id).then().extract(), r -> r.statusCode() == 200).jsonPath()
                .getString("form.participants[0].participantId");

        // a draft has no consent yet: nothing to read, nothing to withdraw
        consent(STAFF, id, participant).then().statusCode(404).contentType("application/problem+json");
        withdraw(STAFF, id, participant, "2026-11-23").then().statusCode(409).body("rule", equalTo("consent-not-given"));

        ApplicationApiTest.submit(SCHOOL, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> consent(STAFF, id, participant).then().statusCode(200)
                .body("textVersion", equalTo("2026-12-01")).body("confirmedBy", equalTo("school@example.ru"))
                .body("withdrawalReceivedOn", equalTo(null)));
        consent(SCHOOL, id, participant).then().statusCode(200).body("participantId", equalTo(participant));
        consent(AUDITOR, id, participant).then().statusCode(200).body("confirmedBy", equalTo("скрыто"));
        consent(OTHER_SCHOOL, id, participant).then().statusCode(404);
        String noRole = TOKENS.mint("nobody@example.ru", "guest", null, Duration.ofMinutes(5));
        consent(noRole, id, participant).then().statusCode(403);
        consent(STAFF, id, "нет-такого").then().statusCode(404);

        // only staff record a withdrawal; every bad date is named
        for (String wrong : List.of(SCHOOL, OTHER_SCHOOL, AUDITOR, noRole)) {
            withdraw(wrong, id, participant, "2026-11-23").then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2026-11-23")).when()
                .post(path(id, participant) + "/withdrawal").then().statusCode(401);
        for (String bad : List.of("", "23.11.2026", "2026-02-30", "2026-11-24", "2026-11-20", "завтра")) {
            withdraw(STAFF, id, participant, bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("receivedOn"));
        }
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}").when()
                .post(path(id, participant) + "/withdrawal").then().statusCode(400).body("errors.field", hasItem("receivedOn"));
        withdraw(STAFF, id, "нет-такого", "2026-11-23").then().statusCode(400).body("errors.field", hasItem("participantId"));
        withdraw(STAFF, UUID.randomUUID().toString(), participant, "2026-11-23").then().statusCode(404);

        withdraw(STAFF, id, participant, "2026-11-23").then().statusCode(201).body("eraseBy", equalTo("2026-12-23"));
        withdraw(STAFF, id, participant, "2026-11-23").then().statusCode(409)
                .body("rule", equalTo("consent-already-withdrawn"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> consent(STAFF, id, participant).then()
                .body("withdrawalReceivedOn", equalTo("2026-11-23")).body("eraseBy", equalTo("2026-12-23"))
                .body("erased", equalTo(false)));
        String history = given().auth().oauth2(STAFF).when().get("/applications/" + id + "/history").then()
                .statusCode(200).extract().asString();
        assertThat(history).contains("Участник отозвал согласие", "не позднее 23.12.2026");

        // a live application keeps the data: the pass leaves it, staff see it waiting with its deadline
        List<Map<String, Object>> destroyed = pass();
        assertThat(destroyed).noneMatch(d -> id.equals(d.get("applicationId")));
        JsonPath overview = given().auth().oauth2(STAFF).when().get("/staff/retention").then().statusCode(200)
                .extract().jsonPath();
        assertThat(overview.getString("periods.completedApplications")).isEqualTo("P5Y");
        assertThat(overview.getString("periods.withdrawnApplications")).isEqualTo("P30D");
        assertThat(overview.getList("pendingWithdrawals.findAll { it.applicationId == '" + id + "' }.eraseBy",
                String.class)).containsExactly("2026-12-23");
        RebuildCheck.rebuildsIdentically(STAFF, "application-board");

        // staff's reads of the people's data are in the access log, by application and by person; not for schools
        given().auth().oauth2(AUDITOR).queryParam("subject", "participant:" + participant).when()
                .get("/admin/access-log").then().statusCode(200)
                .body("kind", everyItem(equalTo("PARTICIPANTS_READ")))
                .body("findAll { it.applicationId == '" + id + "' }.actor", hasItem("staff@fioco.ru"));
        given().auth().oauth2(SCHOOL).queryParam("applicationId", id).when().get("/admin/access-log").then()
                .statusCode(403);
        given().auth().oauth2(STAFF).queryParam("applicationId", "x".repeat(101)).when().get("/admin/access-log")
                .then().statusCode(400).body("errors.field", hasItem("applicationId"));

        // what an auditor reads of the application and of the list, field by field against the allow-list
        auditorSeesOnly(given().auth().oauth2(AUDITOR).when().get("/applications/" + id).then().statusCode(200)
                .extract().asString(), AUDITOR_DETAIL);
        auditorSeesOnly(given().auth().oauth2(AUDITOR).queryParam("q", before(id)).when().get("/applications").then()
                .statusCode(200).extract().asString(), AUDITOR_LIST);
    }

    /** What an auditor may read of an application: the procedure, never who the people are. */
    static final Set<String> SUMMARY = Set.of("id", "number", "createdAt", "submittedAt", "status",
            "statusTitle", "type", "programmeId", "programmeTitle", "organisationInn", "organisationShortName", "region",
            "participantCount", "reviewDueDate", "reviewDueProvisional", "reviewOverdue");
    static final Set<String> AUDITOR_DETAIL = Stream.concat(
            SUMMARY.stream().map(f -> "summary." + f), Stream.of("participantsLocked",
                    "erasures[].erasureId", "erasures[].subject", "erasures[].participantId", "erasures[].basis",
                    "erasures[].erasedBy", "erasures[].erasedAt", "consents[].participantId", "consents[].textVersion",
                    "consents[].confirmedAt", "consents[].withdrawalReceivedOn", "consents[].eraseBy",
                    "consents[].withdrawalRecordedBy", "consents[].erased", "endedAt")).collect(Collectors.toSet());
    static final Set<String> AUDITOR_LIST = Stream.concat(
            SUMMARY.stream().map(f -> "items[]." + f), Stream.of("total", "page", "size"))
            .collect(Collectors.toSet());

    /** Every value in the answer is at an allowed path, or hidden («скрыто»), or empty. */
    static void auditorSeesOnly(String answer, Set<String> allowed) {
        List<String> shown;
        try {
            shown = AuditorView.shownPaths(new ObjectMapper().readTree(answer));
        } catch (JsonProcessingException e) {
            throw new AssertionError(answer, e);
        }
        assertThat(shown).as("fields an auditor reads beyond the allow-list").isNotEmpty()
                .allSatisfy(path -> assertThat(allowed).contains(path));
    }

    /** The application's number, to find it in the list. */
    private static String before(String id) {
        return detail(id).getString("summary.number");
    }

    @Test
    void theRetentionPassDestroysAWithdrawnConsentWhenTheApplicationEndsAndEveryoneWhenItsPeriodIsOver()
            throws Exception {
        clock.set(TODAY);
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика", "Физика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 2));
        ApplicationApiTest.submit(SCHOOL, id).then().statusCode(200);
        JsonPath before = detail(id);
        String withdrawn = before.getString("form.participants[0].participantId");
        String kept = before.getString("form.participants[1].participantId");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> consent(STAFF, id, withdrawn).then().statusCode(200));
        withdraw(STAFF, id, withdrawn, "2026-11-23").then().statusCode(201);
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"reason\":\"Участник отказался\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(200);

        // the application ended: the withdrawn consent's data go at the next pass, the other participant's stay
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pass()).anySatisfy(d -> {
            assertThat(d).containsEntry("applicationId", id).containsEntry("participantId", withdrawn)
                    .containsEntry("basis", "CONSENT_WITHDRAWN");
        }));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = detail(id);
            assertThat(after.getString("form.participants[0].surname")).isEqualTo(ERASED);
            assertThat(after.getString("form.participants[1].surname")).isEqualTo(before.getString("form.participants[1].surname"));
            assertThat(after.getString("form.applicant.surname")).isEqualTo("Сумкин");
        });
        consent(STAFF, id, withdrawn).then().body("erased", equalTo(true));

        // thirty days after the withdrawal of the application its retention period is over: everyone else goes (the
        // period counts from when the withdrawal was stored, in real time); the pass is run for this application only,
        // the other tests' applications being no business of this one
        clock.set(LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(31));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pass(id))
                .filteredOn(d -> id.equals(d.get("applicationId"))).extracting(d -> d.get("subject") + ":" + d.get("basis"))
                .contains("PARTICIPANT:RETENTION_EXPIRED", "APPLICANT:RETENTION_EXPIRED",
                        "SIGNATORY:RETENTION_EXPIRED", "APPLICATION:RETENTION_EXPIRED"));
        assertThat(pass(id)).as("a second pass finds nothing left").isEmpty();
        given().auth().oauth2(STAFF).queryParam("applicationId", "x".repeat(101)).when().post("/staff/retention/pass")
                .then().statusCode(400).body("errors.field", hasItem("applicationId"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = detail(id);
            assertThat(after.getString("form.participants[1].surname")).isEqualTo(ERASED);
            assertThat(after.getString("form.applicant.surname")).isEqualTo(ERASED);
            assertThat(after.getString("form.organisation.signatory.fullName")).isEqualTo(ERASED);
            assertThat(after.getString("form.organisation.inn")).as("the organisation is no person")
                    .isEqualTo(before.getString("form.organisation.inn"));
        });

        // what the pass destroyed is listed, each with its act naming the pass as who destroyed it
        JsonPath overview = given().auth().oauth2(AUDITOR).when().get("/staff/retention").then().statusCode(200)
                .extract().jsonPath();
        List<String> listed = overview.getList("erased.findAll { it.applicationId == '" + id + "' }.erasure.subject",
                String.class);
        assertThat(listed).containsExactlyInAnyOrder("PARTICIPANT", "PARTICIPANT", "APPLICANT", "SIGNATORY",
                "APPLICATION");
        assertThat(overview.getList("pendingWithdrawals.applicationId", String.class)).doesNotContain(id);
        String erasureId = overview.getString("erased.find { it.applicationId == '" + id + "' && it.erasure.participantId == '"
                + kept + "' }.erasure.erasureId");
        byte[] act = given().auth().oauth2(STAFF).when().get("/applications/" + id + "/erasures/" + erasureId + "/act")
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(act));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("истечение срока хранения", "автоматически", kept, "сканы паспорта");
        }
        for (String wrong : List.of(SCHOOL, OTHER_SCHOOL)) {
            given().auth().oauth2(wrong).when().get("/staff/retention").then().statusCode(403);
            given().auth().oauth2(wrong).when().post("/staff/retention/pass").then().statusCode(403);
        }
        given().auth().oauth2(AUDITOR).when().post("/staff/retention/pass").then().statusCode(403);
        RebuildCheck.rebuildsIdentically(STAFF, "application-board");
        // what the next steps derived from the erased people's data went with it: read anew, the history agrees
        RebuildCheck.rebuildsIdentically(STAFF, "history");
    }

    private static List<Map<String, Object>> pass() {
        return given().auth().oauth2(STAFF).when().post("/staff/retention/pass").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    private static List<Map<String, Object>> pass(String applicationId) {
        return given().auth().oauth2(STAFF).queryParam("applicationId", applicationId).when()
                .post("/staff/retention/pass").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String path(String id, String participant) {
        return "/applications/" + id + "/participants/" + participant + "/consent";
    }

    private static Response consent(String token, String id, String participant) {
        return given().auth().oauth2(token).when().get(path(id, participant));
    }

    private static Response withdraw(String token, String id, String participant, String receivedOn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("receivedOn", receivedOn))
                .when().post(path(id, participant) + "/withdrawal");
    }

    private static JsonPath detail(String id) {
        return given().auth().oauth2(STAFF).when().get("/applications/" + id).then().statusCode(200).extract().jsonPath();
    }
}
