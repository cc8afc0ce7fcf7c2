package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static ru.fioco.training.application.web.ApplicationApiTest.AUDITOR;
import static ru.fioco.training.application.web.ApplicationApiTest.OTHER_SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.STAFF;
import static ru.fioco.training.application.web.ApplicationApiTest.draft;
import static ru.fioco.training.application.web.ApplicationApiTest.form;
import static ru.fioco.training.application.web.ApplicationApiTest.programme;
import static ru.fioco.training.application.web.ApplicationApiTest.submit;
import static ru.fioco.training.application.web.ApplicationApiTest.submitAsIs;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.domain.ApplicationFormRules;
import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.application.domain.requisites.ValidRequisites;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.TopicReader;

/**
 * The application stage as the procedure describes it, through REST: scans before submission, corrections after
 * it, the next steps, the organisation's own timeline, staff's search, and an API that refuses what no form
 * sends (real Kafka broker in-process, Mongo wire server in memory; the other services' events sent to their
 * topics as they publish them).
 */
@QuarkusTest
class ApplicationStageApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MongoClient mongo;

    @TestHTTPResource("/applications")
    URL applications;

    @Test
    void submissionIsRefusedNamingEachMissingScanByParticipantAndSlotThenAccepted() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 2));
        List<String> participants = participantIds(id);
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("documents", id, uuid(), "ru.fioco.training.documents.DocumentUploaded",
                    uploaded(id, participants.get(0), DocumentSlot.PASSPORT));
        }
        // the second participant's diploma carries another surname: the name-change document is required of them
        Set<String> expected = Set.of("participants[0].documents.SNILS", "participants[0].documents.EDUCATION",
                "participants[1].documents.PASSPORT", "participants[1].documents.SNILS",
                "participants[1].documents.EDUCATION", "participants[1].documents.NAME_CHANGE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new HashSet<>(submitAsIs(SCHOOL, id)
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath()
                .getList("errors.field", String.class))).isEqualTo(expected));
        submit(SCHOOL, id).then().statusCode(200);
    }

    @Test
    void participantIdsAreTheServersAndNoValueALargeAsThatGetsIn() {
        String programme = programme("2027-02-01", "Математика");
        ObjectNode mine = form(programme, 1);
        ((ObjectNode) mine.withArray("participants").get(0)).put("participantId", "my-own-id");
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(mine.toString()).when().post("/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("participants[0].participantId"));
        ObjectNode huge = form(programme, 1);
        ((ObjectNode) huge.withArray("participants").get(0)).put("participantId", "x".repeat(2 * 1024 * 1024));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(huge.toString()).when().post("/applications")
                .then().statusCode(413).contentType("application/problem+json").body("errors.field", hasItem("body"));
        ObjectNode longName = form(programme, 1);
        ((ObjectNode) longName.withArray("participants").get(0)).put("surname", "Я".repeat(101));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(longName.toString()).when().post("/applications")
                .then().statusCode(400).body("errors.field", equalTo(List.of("participants[0].surname")));
        ObjectNode longReason = form(programme, 1);
        longReason.put("comment", "к".repeat(ApplicationFormRules.MAX_COMMENT + 1));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body(longReason.toString()).when().post("/applications")
                .then().statusCode(400).body("errors.field", equalTo(List.of("comment")));
        // a new participant gets the server's id
        String id = draft(SCHOOL, form(programme, 1));
        assertThat(participantIds(id).get(0)).matches("[0-9a-f-]{36}");
    }

    @Test
    void aBodyOverTheLimitIsAProblemEvenWithoutADeclaredLength() throws Exception {
        String programme = programme("2027-02-01", "Математика");
        ObjectNode form = form(programme, 1);
        form.put("comment", "ж".repeat(1024 * 1024));
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        // chunked: no Content-Length, so the limit is met while the body streams in
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(applications.toURI())
                .header("Authorization", "Bearer " + SCHOOL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(JsonPath.from(chunked.body()).getList("errors.field", String.class)).containsExactly("body");
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(applications.toURI())
                .header("Authorization", "Bearer " + SCHOOL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JsonPath.from(declared.body()).getList("errors.field", String.class)).containsExactly("body");
    }

    @Test
    void theLargestFormThatIsAcceptedMakesEventsWellBelowThePublishersLimit() {
        String subject = "П".repeat(ApplicationFormRules.MAX_SUBJECT);
        String programme = programme("2027-02-01", subject);
        ApplicationForm base = ApplicationForms.complete(programme, 1);
        String longest = "Щ".repeat(ApplicationFormRules.MAX_NAME);
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(56) + ".ru";
        List<ApplicationForm.Participant> participants = new ArrayList<>();
        for (int i = 0; i < ApplicationFormRules.MAX_PARTICIPANTS; i++) {
            participants.add(new ApplicationForm.Participant(null, longest, longest, longest, ApplicationForm.Sex.FEMALE,
                    "Д".repeat(ApplicationFormRules.MAX_POSITION), LocalDate.of(1980, 1, 1), subject,
                    ApplicationForm.EducationLevel.HIGHER, longest, "С".repeat(ApplicationFormRules.MAX_DIPLOMA_SERIES),
                    "9".repeat(ApplicationFormRules.MAX_DIPLOMA_NUMBER), ValidRequisites.snils(20_000 + i), email));
        }
        ApplicationForm.Organisation o = base.organisation();
        ApplicationForm largest = new ApplicationForm(new ApplicationForm.Applicant(longest, longest, longest,
                "Д".repeat(ApplicationFormRules.MAX_POSITION), "+7 (495) 123-45-67", "+7 (916) 123-45-67", email),
                ApplicationForm.ResultDelivery.ELECTRONIC, true, "К".repeat(ApplicationFormRules.MAX_COMMENT),
                ApplicationForm.PaymentTerms.POSTPAYMENT, programme, new ApplicationForm.Organisation(o.region(),
                "О".repeat(ApplicationFormRules.MAX_ORGANISATION_NAME), "О".repeat(ApplicationFormRules.MAX_SHORT_NAME),
                email, "Л".repeat(100), "А".repeat(ApplicationFormRules.MAX_ADDRESS),
                "А".repeat(ApplicationFormRules.MAX_ADDRESS), o.inn(), o.kpp(), o.bik(), o.ogrn(), o.settlementAccount(),
                o.correspondentAccount(), "Б".repeat(ApplicationFormRules.MAX_BANK_NAME), new ApplicationForm.Signatory(
                        "Д".repeat(ApplicationFormRules.MAX_POSITION), "Ф".repeat(ApplicationFormRules.MAX_SIGNATORY_NAME),
                        ApplicationForm.SignatoryBasis.POWER_OF_ATTORNEY,
                        "№".repeat(ApplicationFormRules.MAX_DOCUMENT_NUMBER), LocalDate.of(2026, 1, 1))),
                true, participants);
        String id = draft(SCHOOL, EventJson.plainTree(largest));
        submit(SCHOOL, id).then().statusCode(200);
        long limit = 512 * 1024;
        List<Document> stored = mongo.getDatabase("applications").getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", id)).into(new ArrayList<>());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e.toJson().length())
                .as("stored event %s", e.getString("payloadType")).isGreaterThan(100_000).isLessThan((int) limit));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> published = TopicReader.readAll(kafka, "applications").stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertThat(published).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE))
                    .contains("ru.fioco.training.applications.ApplicationSubmitted");
            assertThat(published).allSatisfy(r -> assertThat(r.value().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThan((int) limit));
        });
    }

    @Test
    void aCorrectionAfterSubmissionIsSeenByStaffAsOldAndNewUntilTheContractIsConcluded() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, id).then().statusCode(200);
        String participant = participantIds(id).get(0);
        ObjectNode corrected = (ObjectNode) form(programme, 1).withArray("participants").get(0);
        corrected.put("surname", "Петрова").put("diplomaNumber", "654321");
        String path = "/applications/" + id + "/participants/" + participant;
        // wrong organisation, wrong role, unknown participant, bad input
        correct(OTHER_SCHOOL, path, corrected.toString()).then().statusCode(404).contentType("application/problem+json");
        correct(STAFF, path, corrected.toString()).then().statusCode(403).contentType("application/problem+json");
        correct(AUDITOR, path, corrected.toString()).then().statusCode(403);
        correct(SCHOOL, "/applications/" + id + "/participants/" + UUID.randomUUID(), corrected.toString())
                .then().statusCode(404);
        correct(SCHOOL, path, corrected.deepCopy().put("surname", "Я".repeat(101)).toString()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("surname")));
        correct(SCHOOL, path, corrected.deepCopy().put("snils", "123").toString()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("snils")));
        correct(SCHOOL, path, "{\"surname\": ").then().statusCode(400).contentType("application/problem+json");

        correct(SCHOOL, path, corrected.toString()).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + id).then().statusCode(200)
                .body("form.participants[0].surname", equalTo("Петрова"))
                .body("corrections[0].participantId", equalTo(participant))
                .body("corrections[0].changes.find { it.field == 'surname' }.before", equalTo("Петров"))
                .body("corrections[0].changes.find { it.field == 'surname' }.after", equalTo("Петрова"))
                .body("corrections[0].changes.field", equalTo(List.of("surname", "diplomaNumber"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(HistoryApiTest.history(id, STAFF, null)
                .getString("steps.find { it.type == 'ParticipantCorrected' }.summary"))
                .isEqualTo("Исправлены данные участника: фамилия, номер диплома"));

        // the contract is concluded: nothing about the participants changes any more
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("contracts", id, uuid(), "ru.fioco.training.contracts.ContractConcluded",
                    new ContractConcluded(id, LocalDate.of(2027, 1, 20)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> correct(SCHOOL, path, corrected.toString())
                .then().statusCode(409).body("rule", equalTo("participants-locked"))
                .body("errors.field", hasItem("participantId")));
        // nor can the application be withdrawn: the contract binds; staff terminate it, and that ends the application
        for (String token : List.of(SCHOOL, STAFF)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"передумали\"}")
                    .when().post("/applications/" + id + "/withdraw").then().statusCode(409)
                    .contentType("application/problem+json").body("rule", equalTo("withdrawal-after-conclusion"));
        }
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("contracts", id, uuid(), "ru.fioco.training.contracts.ContractTerminated",
                    new ContractTerminated(id, LocalDate.of(2027, 1, 25), "Соглашение сторон", BigDecimal.ZERO));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + id).then().statusCode(200)
                .body("summary.status", equalTo("WITHDRAWN"))
                .body("lastReason", equalTo("Договор расторгнут: Соглашение сторон")));
    }

    @Test
    void datesTheCalendarDoesNotCoverAreA422NamingTheFieldAndTheYearsNeverA500() {
        String body = """
                {"title":"Старая программа","startDate":"2023-09-01","endDate":"2023-09-12","hours":36,
                 "subjects":["Математика"],"pricePerParticipant":12000.00}""";
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).when().post("/programmes")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("calendar-coverage"))
                .body("errors.field", hasItem("startDate")).body("detail", Matchers.containsString("2024"));
        String programme = programme("2027-02-01", "Математика");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).when().put("/programmes/" + programme)
                .then().statusCode(422).body("errors.field", hasItem("startDate"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body.replace("2023-09-12", "2099-09-12")
                .replace("2023-09-01", "2027-09-01")).when().post("/programmes")
                .then().statusCode(422).body("errors.field", hasItem("endDate"));
    }

    @Test
    void staffFindApplicationsByParticipantContractNumbersAndStageWithBoundedPages() {
        String programme = programme("2027-03-15", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, id).then().statusCode(200);
        String snils = given().auth().oauth2(STAFF).when().get("/applications/" + id).then().extract()
                .path("form.participants[0].snils");
        String invoice = "СЧ-2027-" + (100_000 + Math.abs(id.hashCode() % 800_000));
        String tracking = "RA" + Math.abs(id.hashCode()) + "RU";
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("contracts", id, uuid(), "ru.fioco.training.contracts.InvoiceIssued",
                    new InvoiceIssued(id, invoice, new BigDecimal("12000.00"), LocalDate.of(2027, 1, 20), "d1"));
            sender.send("contracts", id, uuid(), "ru.fioco.training.contracts.PackageShipped",
                    new PackageShipped(id, tracking, false));
        }
        String formatted = snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " "
                + snils.substring(9);
        for (String q : List.of(invoice.toLowerCase(), tracking, formatted, "петров")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF).queryParam("q", q)
                    .queryParam("size", 100).when().get("/applications").then().statusCode(200)
                    .body("items.id", hasItem(id)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .queryParam("contractStatus", "SHIPPED").queryParam("size", 100).when().get("/applications").then()
                .statusCode(200).body("items.id", hasItem(id)));
        given().auth().oauth2(OTHER_SCHOOL).queryParam("q", invoice).when().get("/applications").then().statusCode(200)
                .body("items.id", Matchers.not(hasItem(id)));
        given().auth().oauth2(STAFF).queryParam("page", 1001).when().get("/applications").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        given().auth().oauth2(STAFF).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100).when()
                .get("/applications").then().statusCode(400).body("errors.field", hasItem("page"));
        given().auth().oauth2(STAFF).queryParam("contractStatus", "LOST").when().get("/applications").then()
                .statusCode(400).body("errors.field", hasItem("contractStatus"));
        given().auth().oauth2(STAFF).queryParam("q", "я".repeat(101)).when().get("/applications").then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }

    @Test
    void theNextStepsTellTheOrganisationWhatToDoOnItsOwnApplicationsOnly() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/next-steps/" + id).then().statusCode(200)
                .body("organisation.text", equalTo("Загрузите паспорт: Петров П. П. (и ещё 2)"))
                .body("organisation.dueDate", equalTo("2027-01-21"))
                .body("organisation.provisional", equalTo(true)).body("institute", Matchers.nullValue()));
        submit(SCHOOL, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/next-steps/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("organisation.text", equalTo("Ожидайте проверки заявки"))
                .body("organisation.dueDate", equalTo("2026-11-26"))
                .body("institute.text", startsWith("Рассмотрите заявку")));
        given().auth().oauth2(OTHER_SCHOOL).when().get("/next-steps/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        // an auditor reads whose turn and by when, not the steps' texts (they name people and quote reasons)
        given().auth().oauth2(AUDITOR).when().get("/next-steps/" + id).then().statusCode(200)
                .body("institute.text", equalTo("скрыто")).body("organisation.dueDate", equalTo("2026-11-26"));
        try {
            List<String> shown = AuditorView.shownPaths(new ObjectMapper().readTree(given().auth().oauth2(AUDITOR)
                    .queryParam("size", 100).when().get("/next-steps").then().statusCode(200).extract().asString()));
            assertThat(shown).contains("items[].applicationId").allSatisfy(path ->
                    assertThat(AuditorView.allows(NextStepResource.AUDITOR_SEES, path)).as(path).isTrue());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        given().auth().oauth2(SCHOOL).queryParam("size", 100).when().get("/next-steps").then().statusCode(200)
                .body("items.applicationId", hasItem(id));
        given().auth().oauth2(OTHER_SCHOOL).queryParam("size", 100).when().get("/next-steps").then().statusCode(200)
                .body("items.applicationId", Matchers.not(hasItem(id)));
        given().auth().oauth2(STAFF).queryParam("size", 101).when().get("/next-steps").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().when().get("/next-steps").then().statusCode(401);
    }

    @Test
    void anOrganisationReadsItsOwnTimelineWithoutWhatConcernsTheInstituteAlone() {
        String programme = programme("2027-02-01", "Математика");
        String id = draft(SCHOOL, form(programme, 1));
        submit(SCHOOL, id).then().statusCode(200);
        String participant = participantIds(id).get(0);
        Instant now = Instant.now();
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("documents", id, uuid(), "ru.fioco.training.documents.DocumentDownloaded",
                    new DocumentDownloaded(id, participant, DocumentSlot.PASSPORT, 1, "d1", "staff@fioco.ru", "staff"));
            sender.send("messages", id, uuid(), "ru.fioco.training.messages.NoticePosted",
                    new NoticePosted(id, "n-staff", 1, NoticeKind.REVIEW_DUE_TOMORROW, List.of(Side.INSTITUTE),
                            NoticeParameters.builder().build(), "r1", now, List.of("pk@fioco.ru")));
            sender.send("messages", id, uuid(), "ru.fioco.training.messages.NoticePosted",
                    new NoticePosted(id, "n-school", 2, NoticeKind.APPLICATION_RECEIVED, List.of(Side.ORGANISATION),
                            NoticeParameters.builder().build(), "c1", now, List.of()));
            sender.send("messages", id, uuid(), "ru.fioco.training.messages.ThreadRead",
                    new ThreadRead(id, Side.INSTITUTE, 2, "staff@fioco.ru", now));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(HistoryApiTest.types(id, STAFF))
                .contains("DocumentDownloaded", "ThreadRead"));
        String body = given().auth().oauth2(SCHOOL).when().get("/applications/" + id + "/history").then()
                .statusCode(200).extract().asString();
        JsonPath own = JsonPath.from(body);
        assertThat(own.getList("steps.type", String.class)).contains("ApplicationDrafted", "ApplicationSubmitted",
                "DocumentUploaded", "NoticePosted").doesNotContain("DocumentDownloaded", "ThreadRead");
        assertThat(own.getList("steps.findAll { it.type == 'NoticePosted' }.data.messageId", String.class))
                .containsExactly("n-school");
        assertThat(own.getString("steps.find { it.type == 'ApplicationSubmitted' }.side")).isEqualTo("ORGANISATION");
        assertThat(own.getList("steps.actor")).containsOnlyNulls();
        assertThat(body).doesNotContain("staff@fioco.ru", "pk@fioco.ru");
        given().auth().oauth2(OTHER_SCHOOL).when().get("/applications/" + id + "/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static Response correct(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(path);
    }

    static List<String> participantIds(String id) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + id).then().extract().jsonPath()
                .getList("form.participants.participantId", String.class), p -> p != null);
    }

    static DocumentUploaded uploaded(String id, String participant, DocumentSlot slot) {
        return new DocumentUploaded(id, participant, slot, 1, "d-" + participant + slot, 1000, "ab", "application/pdf",
                "скан.pdf", "school@example.ru");
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
