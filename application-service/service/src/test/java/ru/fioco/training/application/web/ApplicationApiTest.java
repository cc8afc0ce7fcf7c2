package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.AdjustableClock;
import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.application.domain.requisites.ValidRequisites;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.devstack.TokenMinter;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.RebuildCheck;
import ru.fioco.training.platform.testing.TopicReader;

/**
 * Applications through REST with minted tokens: real Kafka broker in-process, Mongo wire server in
 * memory, the service's clock set to a day in Moscow so that the production calendar's deadlines are fixed.
 */
@QuarkusTest
class ApplicationApiTest {

    static final TokenMinter TOKENS = SharedTestStack.get().tokens();
    static final String STAFF = TOKENS.staff("staff@fioco.ru");
    static final String SCHOOL = TOKENS.representative("school@example.ru", ApplicationForms.INN);
    static final String OTHER_INN = ValidRequisites.inn10(4242);
    static final String OTHER_SCHOOL = TOKENS.representative("other@example.ru", OTHER_INN);
    static final String AUDITOR = TOKENS.auditor("auditor@fioco.ru");

    @Inject
    AdjustableClock clock;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AfterEach
    void today() {
        clock.set(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theApplicationBoardAndTheCatalogueAreRebuiltFromTheEventStoreIdentically() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 2));
        submit(SCHOOL, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + id).then().statusCode(200).body("summary.status", equalTo("SUBMITTED")));
        String before = given().auth().oauth2(STAFF).when().get("/applications/" + id).then().extract().asString();
        RebuildCheck.rebuildsIdentically(STAFF, "application-board");
        RebuildCheck.rebuildsIdentically(STAFF, "programme-catalogue");
        assertThat(given().auth().oauth2(STAFF).when().get("/applications/" + id).then().statusCode(200).extract().asString())
                .isEqualTo(before);
        given().auth().oauth2(SCHOOL).when().post("/admin/read-models/application-board/rebuild").then().statusCode(403);
    }

    @Test
    void aRepresentativeDraftsAndSubmitsAndStaffTakeItIntoWork() {
        String programme = programme("2027-02-01", "Математика", "Физика");
        String id = draft(SCHOOL, form(programme, 3));
        submit(SCHOOL, id).then().statusCode(200);
        given().auth().oauth2(STAFF).when().post("/applications/" + id + "/take-into-work").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(SCHOOL).when().get("/applications/" + id).then().statusCode(200)
                        .body("summary.status", equalTo("IN_WORK"))
                        .body("summary.statusTitle", equalTo("исполнение"))
                        .body("summary.number", Matchers.matchesPattern("000-\\d{6}"))
                        .body("summary.reviewDueDate", equalTo("2026-11-26"))
                        .body("summary.participantCount", equalTo(3))
                        .body("summary.programmeTitle", notNullValue())
                        .body("form.applicant.workPhone", equalTo("+74951234567"))
                        .body("form.participants.participantId", Matchers.everyItem(notNullValue())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TopicReader.readAll(kafka, "applications").stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertThat(records).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE)).containsExactly(
                    "ru.fioco.training.applications.ApplicationDrafted",
                    "ru.fioco.training.applications.ApplicationSubmitted",
                    "ru.fioco.training.applications.ApplicationTakenIntoWork");
            assertThat(records).allSatisfy(r -> {
                assertThat(CloudEvents.header(r.headers(), CloudEvents.SUBJECT)).isEqualTo(id);
                assertThat(CloudEvents.header(r.headers(), CloudEvents.SOURCE)).isEqualTo("/application-service");
                assertThat(CloudEvents.header(r.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
            });
        });
    }

    @Test
    void aClosedContractCompletesTheApplicationOnceEvenWhenDeliveredTwice() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, id).then().statusCode(200);
        given().auth().oauth2(STAFF).when().post("/applications/" + id + "/take-into-work").then().statusCode(200);
        String ceId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            for (int i = 0; i < 2; i++) {
                sender.send("contracts", id, ceId, "ru.fioco.training.contracts.ContractClosed",
                        new ContractClosed(id));
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + id).then().body("summary.status", equalTo("COMPLETED"))
                .body("summary.statusTitle", equalTo("выполнена")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TopicReader.readAll(kafka, "applications").stream()
                .filter(r -> id.equals(r.key()))
                .filter(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).endsWith("ApplicationCompleted"))).hasSize(1));
    }

    @Test
    void submittingSixWorkingDaysBeforeTheStartIsRefusedNamingTheLastAllowedDate() {
        // start Tuesday 1 December 2026: the 7th working day before it is Friday 20 November; today is the 23rd
        String programme = programme("2026-12-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, id).then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("submission-deadline"))
                .body("lastAllowedDate", equalTo("2026-11-20"))
                .body("provisionalCalendar", equalTo(false))
                .body("errors.field", hasItem("programmeId"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(SCHOOL).when().get("/applications/" + id).then().statusCode(200)
                        .body("summary.status", equalTo("DRAFT")).body("summary.number", nullValue()));
    }

    @Test
    void twentySimultaneousSubmissionsForOneOrganisationAndProgrammeLetExactlyOneThrough() throws Exception {
        String programme = programme("2027-03-01", "Математика");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(draft(SCHOOL, form(programme, 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(pool.submit((Callable<Response>) () -> submit(SCHOOL, id)));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> a : answers) {
            responses.add(a.get());
        }
        pool.shutdown();
        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        String winner = ids.get(responses.indexOf(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()));
        String number = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + winner).then().extract().path("summary.number"), n -> n != null);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail")).contains(number);
            assertThat(r.jsonPath().getString("existingNumber")).isEqualTo(number);
        });
    }

    @Test
    void numbersAreUniqueAndIncreasingUnderConcurrentSubmissions() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String inn = ValidRequisites.inn10(7000 + i);
            String token = TOKENS.representative("s" + i + "@example.ru", inn);
            String programme = programme("2027-04-01", "Математика");
            ids.add(token + " " + draft(token, form(programme, inn, 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String pair : ids) {
            String[] tokenAndId = pair.split(" ");
            answers.add(pool.submit(() -> submit(tokenAndId[0], tokenAndId[1]).statusCode()));
        }
        for (Future<Integer> a : answers) {
            assertThat(a.get()).isEqualTo(200);
        }
        pool.shutdown();
        List<String> numbers = new ArrayList<>();
        for (String pair : ids) {
            String[] tokenAndId = pair.split(" ");
            numbers.add(await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(tokenAndId[0])
                    .when().get("/applications/" + tokenAndId[1]).then().extract().path("summary.number"), n -> n != null));
        }
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("000-\\d{6}"));
    }

    @Test
    void aCorpusOfBadFormsGetsTheRightFieldsAndStoresNothing() throws Exception {
        String programme = programme("2027-02-01", "Математика");
        long before = storedApplicationEvents();
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("organisation.inn", "/organisation/inn=7707083894");
        corpus.put("organisation.kpp", "/organisation/kpp=77360100");
        corpus.put("organisation.bik", "/organisation/bik=144525225");
        corpus.put("participants[0].snils", "/participants/0/snils=123-456-789 00");
        corpus.put("applicant.email", "/applicant/email=not-an-email");
        corpus.put("applicant.workPhone", "/applicant/workPhone=12345");
        corpus.put("participants[0].birthDate", "/participants/0/birthDate=2020-01-01");
        corpus.put("participants[0].subject", "/participants/0/subject=Химия");
        corpus.put("organisation.region", "/organisation/region=Атлантида");
        corpus.put("comment", "/viaProcurementPlatform=true");
        // the contract's requisites: OGRN's check digit, the accounts' keys against the BIK, the signatory's authority
        corpus.put("organisation.ogrn", "/organisation/ogrn=1027700132196");
        corpus.put("organisation.settlementAccount", "/organisation/settlementAccount=40702810038000012345");
        corpus.put("organisation.correspondentAccount", "/organisation/correspondentAccount=30101810400000000226");
        corpus.put("organisation.bankName", "/organisation/bankName=" + "Б".repeat(301));
        corpus.put("organisation.signatory.basis", "/organisation/signatory/powerOfAttorneyNumber=12");
        corpus.put("organisation.signatory.fullName", "/organisation/signatory/fullName=" + "Я".repeat(301));
        for (Map.Entry<String, String> bad : corpus.entrySet()) {
            String[] change = bad.getValue().split("=", 2);
            given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(with(form(programme, 1), change[0], change[1]))
                    .when().post("/applications")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.getKey()));
        }
        // a power of attorney is dated, and not in the future
        ObjectNode attorney = form(programme, 1);
        ((ObjectNode) attorney.at("/organisation/signatory")).put("basis", "POWER_OF_ATTORNEY")
                .put("powerOfAttorneyNumber", "12").put("powerOfAttorneyDate", "2099-01-01");
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(attorney.toString()).when().post("/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("organisation.signatory.powerOfAttorneyDate")));
        // a draft's change is held to the same rules
        String draft = draft(SCHOOL, form(programme, 1));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(with(form(programme, 1), "/organisation/bik", "000000000"))
                .when().put("/applications/" + draft).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("organisation.bik"));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"participants\":[{\"sex\":\"ROBOT\"}]}")
                .when().put("/applications/" + draft).then().statusCode(400).body("errors.field", hasItem("participants[0].sex"));
        before += 1; // the draft above
        // a duplicate participant (same SNILS and subject) is named on the second one
        ObjectNode twice = form(programme, 2);
        ((ObjectNode) twice.withArray("participants").get(1)).put("snils", twice.withArray("participants").get(0).get("snils").asText());
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(twice.toString()).when().post("/applications")
                .then().statusCode(400).body("errors.field", equalTo(List.of("participants[1].snils")));
        // the markup is kept, not refused
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON)
                .body(with(form(programme, 1), "/organisation/shortName", "<script>alert(1)</script> МБОУ"))
                .when().post("/applications").then().statusCode(201);
        assertThat(storedApplicationEvents()).isEqualTo(before + 1);
    }

    @Test
    void everyMissingFieldIsNamedAtSubmission() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, """
                {"programmeId":"%s","organisation":{"inn":"%s"}}""".formatted(programme, ApplicationForms.INN));
        submit(SCHOOL, id).then().statusCode(400)
                .body("errors.field", Matchers.hasItems("applicant", "resultDelivery", "paymentTerms",
                        "organisation.region", "organisation.fullName", "organisation.kpp", "organisation.bik",
                        "organisation.ogrn", "organisation.settlementAccount", "organisation.correspondentAccount",
                        "organisation.bankName", "organisation.signatory", "personalDataConsent", "participants"));
    }

    @Test
    void anotherOrganisationSeesAndChangesNothingAndRolesAreEnforced() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(SCHOOL).when().get("/applications/" + id).then().statusCode(200));
        given().auth().oauth2(OTHER_SCHOOL).when().get("/applications/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OTHER_SCHOOL).contentType(ContentType.JSON).body(form(programme, OTHER_INN, 1).toString())
                .when().put("/applications/" + id).then().statusCode(404);
        submit(OTHER_SCHOOL, id).then().statusCode(404);
        given().auth().oauth2(OTHER_SCHOOL).contentType(ContentType.JSON).body("{\"reason\":\"чужая\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(404);
        given().auth().oauth2(OTHER_SCHOOL).when().get("/applications").then().statusCode(200)
                .body("items.id", Matchers.not(hasItem(id)));
        // a representative cannot put another organisation's INN on their form
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(form(programme, OTHER_INN, 1).toString())
                .when().post("/applications").then().statusCode(400).body("errors.field", hasItem("organisation.inn"));
        // a signed-in person with none of the platform's roles sees nothing at all
        String noRole = TOKENS.mint("nobody@example.ru", "guest", null, Duration.ofMinutes(5));
        for (String path : List.of("/applications", "/applications/" + id, "/programmes", "/next-steps",
                "/applications/regions", "/representatives/agreement")) {
            given().auth().oauth2(noRole).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // roles
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(form(programme, 1).toString())
                .when().post("/applications").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).when().post("/applications/" + id + "/take-into-work").then().statusCode(403);
        given().auth().oauth2(SCHOOL).when().post("/applications/" + id + "/take-into-work").then().statusCode(403);
        given().when().get("/applications").then().statusCode(401);
        // an auditor reads the summary without the form's personal data
        given().auth().oauth2(AUDITOR).when().get("/applications/" + id).then().statusCode(200)
                .body("form", nullValue()).body("summary.id", equalTo(id));
    }

    @Test
    void staffReturnForCorrectionKeepingTheNumberAndEitherSideWithdrawsWithAReason() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, id).then().statusCode(200);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post("/applications/" + id + "/return").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"Исправьте СНИЛС\"}")
                .when().post("/applications/" + id + "/return").then().statusCode(200);
        String number = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + id).then().extract().path("summary.number"), n -> n != null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + id).then().body("summary.status", equalTo("DRAFT"))
                .body("lastReason", equalTo("Исправьте СНИЛС")));
        given().auth().oauth2(AUDITOR).when().get("/applications/" + id).then().statusCode(200)
                .body("lastReason", equalTo("скрыто"));
        submit(SCHOOL, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + id).then().body("summary.status", equalTo("SUBMITTED"))
                .body("summary.number", equalTo(number)));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"reason\":\"Передумали\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(200);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"Ещё раз\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(409);
        // withdrawn: the organisation may apply for the programme again
        String again = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, again).then().statusCode(200);
    }

    @Test
    void staffListWithFiltersPagingAndTheOverdueQueueWhileRepresentativesSeeTheirOwn() {
        String programme = programme("2027-05-10", "Математика");
        String id = draft(SCHOOL, form(programme, 2));
        submit(SCHOOL, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(STAFF).queryParam("programmeId", programme).queryParam("status", "SUBMITTED")
                        .when().get("/applications").then().statusCode(200)
                        .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                        .body("items[0].organisationInn", equalTo(ApplicationForms.INN))
                        .body("items[0].reviewOverdue", equalTo(false)));
        given().auth().oauth2(STAFF).queryParam("q", ApplicationForms.INN).queryParam("size", 1).when().get("/applications")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));
        given().auth().oauth2(SCHOOL).when().get("/applications").then().statusCode(200)
                .body("items.organisationInn", Matchers.everyItem(equalTo(ApplicationForms.INN)));
        // review due 26 November; on the 27th it is overdue
        clock.set(LocalDate.of(2026, 11, 27));
        given().auth().oauth2(STAFF).queryParam("overdue", true).queryParam("programmeId", programme)
                .when().get("/applications").then().statusCode(200).body("items.id", hasItem(id))
                .body("items[0].reviewOverdue", equalTo(true));
        given().auth().oauth2(STAFF).queryParam("status", "LOST").when().get("/applications").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(STAFF).queryParam("size", 1000).when().get("/applications").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        // what is not a number or a flag is named too, never a 404
        given().auth().oauth2(STAFF).queryParam("size", "много").queryParam("page", "1e3").queryParam("overdue", "может")
                .when().get("/applications").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", Matchers.hasItems("size", "page", "overdue"));
        given().auth().oauth2(STAFF).queryParam("size", "много").when().get("/next-steps").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().auth().oauth2(STAFF).queryParam("includeClosed", "да").when().get("/programmes").then().statusCode(400)
                .body("errors.field", hasItem("includeClosed"));
        given().auth().oauth2(SCHOOL).when().get("/applications/regions").then().statusCode(200)
                .body("size()", equalTo(89)).body("$", hasItem("г. Москва"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    static String programme(String start, String... subjects) {
        String id = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"title":"Программа","startDate":"%s","endDate":"%s","hours":36,"subjects":%s,
                 "pricePerParticipant":12000.00,"lmsCourseUrl":"https://lms.fioco.ru/course/view.php?id=42",
                 "tutors":[{"name":"Иванова Мария Петровна","email":"tutor@fioco.ru"}]}"""
                        .formatted(start, LocalDate.parse(start).plusDays(11), toJsonArray(subjects)))
                .when().post("/programmes").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(STAFF).when().get("/programmes/" + id).then().statusCode(200));
        return id;
    }

    static ObjectNode form(String programmeId, int participants) {
        return form(programmeId, ApplicationForms.INN, participants);
    }

    static ObjectNode form(String programmeId, String inn, int participants) {
        return (ObjectNode) EventJson.plainTree(ApplicationForms.complete(programmeId, inn, participants));
    }

    static String draft(String token, Object form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form.toString())
                .when().post("/applications").then().statusCode(201).extract().path("id");
    }

    /**
     * Submits after the participants' scans are in: they are uploaded (as document-service's events on its topic)
     * and the submission is tried until application-service has learned of them; any other answer is final.
     */
    static Response submit(String token, String id) {
        uploadScans(token, id);
        AtomicReference<Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            answer.set(submitAsIs(token, id));
            return !onlyScansMissing(answer.get());
        });
        return answer.get();
    }

    static Response submitAsIs(String token, String id) {
        return given().auth().oauth2(token).when().post("/applications/" + id + "/submit");
    }

    /** Every participant's scans, as document-service announces them after an upload. */
    static void uploadScans(String token, String id) {
        // the board knows the draft a moment after it is stored (a form of 100 participants, a few seconds); staff see
        // it whoever submits, as document-service learns the participants whoever submits
        List<String> participants = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + id).then().extract(), r -> r.statusCode() == 200).jsonPath()
                .getList("form.participants.participantId", String.class);
        String kafka = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            for (String participant : participants) {
                for (DocumentSlot slot : DocumentSlot.requiredOfParticipant(true)) {
                    sender.send("documents", id, UUID.randomUUID().toString(),
                            "ru.fioco.training.documents.DocumentUploaded", new DocumentUploaded(id, participant, slot, 1,
                                    "d-" + participant + slot, 1000, "ab", "application/pdf", "скан.pdf", "school@example.ru"));
                }
            }
        }
    }

    private static boolean onlyScansMissing(Response answer) {
        if (answer.statusCode() != 400) {
            return false;
        }
        List<String> fields = answer.jsonPath().getList("errors.field", String.class);
        return !fields.isEmpty() && fields.stream().allMatch(f -> f.contains(".documents."));
    }

    static String with(ObjectNode form, String pointer, Object value) {
        ObjectNode copy = form.deepCopy();
        int slash = pointer.lastIndexOf('/');
        var parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), EventJson.plainTree(value));
        } else if ("true".equals(value)) {
            ((ObjectNode) parent).put(last, true);
        } else {
            ((ObjectNode) parent).put(last, value.toString());
        }
        return copy.toString();
    }

    private static String toJsonArray(String[] values) {
        return "[" + String.join(",", Arrays.stream(values).map(v -> "\"" + v + "\"").toList()) + "]";
    }

    private long storedApplicationEvents() {
        return mongo.getDatabase("applications").getCollection("domainevents")
                .countDocuments(new Document("type", "Application"));
    }
}
