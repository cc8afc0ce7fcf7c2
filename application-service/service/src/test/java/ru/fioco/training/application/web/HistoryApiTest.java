package ru.fioco.training.application.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static ru.fioco.training.application.web.ApplicationApiTest.AUDITOR;
import static ru.fioco.training.application.web.ApplicationApiTest.SCHOOL;
import static ru.fioco.training.application.web.ApplicationApiTest.STAFF;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.domain.ApplicationForms;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractTerms;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.RebuildCheck;

/**
 * An application's history across the four services, through the real path: application-service's own
 * events by REST (event store, publisher, Kafka), the other services' events on their topics as they publish
 * them, all read back by the history's own consumer group. Staff see it as recorded, auditors masked; as of
 * a moment between conclusion and payment the contract reads «заключён, не оплачен».
 */
@QuarkusTest
class HistoryApiTest {

    static final String KEY = "KQ7M-X4TD-9PWE-H3RA";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theHistoryListsEveryStepAcrossTheServicesMaskedForAuditorsAndAsOfAMoment() {
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 1));
        ApplicationApiTest.submit(SCHOOL, id).then().statusCode(200);
        given().auth().oauth2(STAFF).when().post("/applications/" + id + "/take-into-work").then().statusCode(200);
        String snils = given().auth().oauth2(STAFF).when().get("/applications/" + id).then().statusCode(200)
                .extract().path("form.participants[0].snils");
        String participant = given().auth().oauth2(STAFF).when().get("/applications/" + id).then()
                .extract().path("form.participants[0].participantId");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(types(id, STAFF))
                .contains("ApplicationDrafted", "ApplicationSubmitted", "ApplicationTakenIntoWork"));

        OffsetDateTime betweenConclusionAndPayment;
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            long seq = 0;
            String docs = "/document-service";
            sender.sendAs(docs, "documents", id, uuid(), "ru.fioco.training.documents.DocumentUploaded", seq++,
                    "school@example.ru", new DocumentUploaded(id, participant, DocumentSlot.PASSPORT, 1, "d1", 1000, "ab",
                            "application/pdf", "паспорт Петрова.pdf", "school@example.ru"));
            sender.sendAs(docs, "documents", id, uuid(), "ru.fioco.training.documents.DocumentRejected", seq++,
                    "staff@fioco.ru", new DocumentRejected(id, participant, DocumentSlot.PASSPORT, 1, "Скан нечитаем"));
            sender.sendAs(docs, "documents", id, uuid(), "ru.fioco.training.documents.DocumentAccepted", seq++,
                    "staff@fioco.ru", new DocumentAccepted(id, participant, DocumentSlot.PASSPORT, 1));
            String contracts = "/contract-service";
            seq = 0;
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.ContractOpened", seq++, null,
                    new ContractOpened(id, terms(id, programme, participant), new BigDecimal("12000.00")));
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.ContractConcluded", seq++,
                    "staff@fioco.ru", new ContractConcluded(id, LocalDate.of(2027, 1, 20)));
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.CourseAccessGranted", seq++,
                    null, new CourseAccessGranted(id, "https://lms.fioco.ru/course/view.php?id=42", KEY,
                            "Иванова Мария Петровна", "tutor@fioco.ru", "Введите кодовое слово."));
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.InvoiceIssued", seq++, null,
                    new InvoiceIssued(id, "СЧ-2027-000001", new BigDecimal("12000.00"), LocalDate.of(2027, 1, 20), "d3"));
            betweenConclusionAndPayment = OffsetDateTime.now(ZoneOffset.ofHours(3));
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.PaymentRecorded", seq++,
                    "staff@fioco.ru", new PaymentRecorded(id, "512", LocalDate.of(2027, 1, 22), new BigDecimal("12000.00"),
                            new BigDecimal("12000.00"), true));
            String messages = "/messaging-service";
            sender.sendAs(messages, "messages", id, uuid(), "ru.fioco.training.messages.ThreadOpened", 0, null,
                    new ThreadOpened(id, "000-000001", formInn(), "МБОУ «Пример»", programme,
                            "Сумкин Фёдор Иванович", "Sarazied@Yandex.ru"));
            sender.sendAs(messages, "messages", id, uuid(), "ru.fioco.training.messages.MessagePosted", 1,
                    "school@example.ru", new MessagePosted(id, "m1", 1, Side.ORGANISATION, "school@example.ru",
                            "У Петрова новый паспорт, серия 4510 123456", List.of(), Instant.now()));
            sender.sendAs(messages, "messages", id, uuid(), "ru.fioco.training.messages.SystemNoticePosted", 2, null,
                    new SystemNoticePosted(id, "n1", 2, NoticeKind.COURSE_ACCESS_GRANTED, List.of(Side.ORGANISATION),
                            "Доступ к курсу открыт", "Кодовое слово: " + KEY, "c1", Instant.now(),
                            List.of("Sarazied@Yandex.ru")));
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.PackageShipped", seq++,
                    "staff@fioco.ru", new PackageShipped(id, "80085012345678", true));
            sender.sendAs(contracts, "contracts", id, uuid(), "ru.fioco.training.contracts.ContractClosed", seq, null,
                    new ContractClosed(id));
        }
        // application-service itself completes the application on ContractClosed: that comes round too
        // the scans uploaded before submission come first (four per participant); application-service's own
        // answers to the contract (participants locked, completed) come when it has read the contract's events
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> types = types(id, STAFF);
            assertThat(types).contains("ParticipantsLocked", "ApplicationCompleted");
            assertThat(types.stream().filter(t -> !t.equals("ParticipantsLocked")).toList()).containsExactly(
                    "ApplicationDrafted", "DocumentUploaded", "DocumentUploaded", "DocumentUploaded", "DocumentUploaded",
                    "ApplicationSubmitted", "ApplicationTakenIntoWork", "DocumentUploaded",
                    "DocumentRejected", "DocumentAccepted", "ContractOpened", "ContractConcluded",
                    "CourseAccessGranted", "InvoiceIssued", "PaymentRecorded", "ThreadOpened", "MessagePosted",
                    "SystemNoticePosted", "PackageShipped", "ContractClosed", "ApplicationCompleted");
        });

        JsonPath staff = history(id, STAFF, null);
        assertThat(staff.getList("steps.service", String.class)).contains("application-service", "document-service",
                "contract-service", "messaging-service");
        assertThat(staff.getString("steps.find { it.type == 'ApplicationSubmitted' }.data.form.participants[0].snils"))
                .isEqualTo(snils);
        assertThat(staff.getString("steps.find { it.type == 'ApplicationDrafted' }.actor")).isEqualTo("school@example.ru");
        assertThat(staff.getString("steps.find { it.type == 'CourseAccessGranted' }.data.enrolmentKey")).isEqualTo(KEY);
        assertThat(staff.getString("steps.find { it.type == 'DocumentRejected' }.summary"))
                .isEqualTo("Документ «Паспорт» (версия 1) отклонён: Скан нечитаем");
        assertThat(staff.getString("state.application.status")).isEqualTo("COMPLETED");
        assertThat(staff.getString("state.contract.label")).isEqualTo("закрыт, оплачен");
        assertThat(staff.getString("steps.find { it.type == 'InvoiceIssued' }.summary"))
                .isEqualTo("Счёт № СЧ-2027-000001 на 12000.00 руб.");

        String auditorBody = given().auth().oauth2(AUDITOR).when().get("/applications/" + id + "/history")
                .then().statusCode(200).extract().asString();
        JsonPath auditor = JsonPath.from(auditorBody);
        assertThat(auditor.getList("steps.type", String.class)).isEqualTo(staff.getList("steps.type", String.class));
        String submitted = "steps.find { it.type == 'ApplicationSubmitted' }.data.form.";
        assertThat(auditor.getString(submitted + "participants[0].surname")).isEqualTo("П.");
        assertThat(auditor.getString(submitted + "participants[0].snils")).isEqualTo("скрыто");
        assertThat(auditor.getString(submitted + "participants[0].birthDate")).isEqualTo("скрыто");
        assertThat(auditor.getString(submitted + "applicant.email")).isEqualTo("скрыто");
        assertThat(auditor.getString(submitted + "applicant.mobilePhone")).isEqualTo("скрыто");
        assertThat(auditor.getString(submitted + "organisation.inn")).isEqualTo(formInn());
        assertThat(auditor.getString("steps.find { it.type == 'ContractOpened' }.data.terms.participants[0].fullName"))
                .isEqualTo("П. П. П.");
        assertThat(auditor.getString("steps.find { it.type == 'CourseAccessGranted' }.data.enrolmentKey")).isEqualTo("скрыто");
        assertThat(auditor.getString("steps.find { it.type == 'ApplicationDrafted' }.actor")).isEqualTo("скрыто");
        assertThat(auditorBody).doesNotContain(snils, KEY, "Sarazied", "school@example.ru", "\"Петров\"", "Петров Пётр", "4510 123456",
                "паспорт Петрова", "1980-01-01");
        assertThat(auditor.getString(submitted + "applicant.workPhone")).isEqualTo("скрыто");

        // as of a moment between conclusion and payment: concluded, unpaid
        JsonPath then = history(id, AUDITOR, betweenConclusionAndPayment.toString());
        assertThat(then.getList("steps.type", String.class)).contains("ContractConcluded", "InvoiceIssued")
                .doesNotContain("PaymentRecorded", "ApplicationCompleted");
        assertThat(then.getString("state.contract.label")).isEqualTo("заключён, не оплачен");
        assertThat(then.getBoolean("state.contract.fullyPaid")).isFalse();
        assertThat(then.getString("state.application.status")).isEqualTo("IN_WORK");
        assertThat(then.getInt("state.documents.accepted")).isEqualTo(1);
    }

    /**
     * The history is a function of the topics: dropped and read anew from offset 0 through the admin API, it comes
     * out with the same checksum, and every event replayed is one the live consumer had applied.
     */
    @Test
    void theHistoryDroppedAndReadAnewFromOffsetZeroEqualsTheLiveOne() {
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 1));
        ApplicationApiTest.submit(SCHOOL, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(types(id, STAFF))
                .contains("ApplicationDrafted", "ApplicationSubmitted"));
        String before = given().auth().oauth2(STAFF).when().get("/applications/" + id + "/history").then().extract().asString();

        JsonPath rebuilt = RebuildCheck.rebuildsIdentically(STAFF, "history");
        assertThat(rebuilt.getString("source")).isEqualTo("KAFKA");
        assertThat(rebuilt.getList("topics", String.class)).containsExactly("applications", "documents", "contracts", "messages");
        // every event replayed, and the history's log holds one document per event (the next-step facts beside it)
        assertThat(rebuilt.getLong("eventsReplayed")).isEqualTo(rebuilt.getLong("eventsToReplay")).isPositive();
        assertThat(given().auth().oauth2(STAFF).when().get("/applications/" + id + "/history").then().statusCode(200)
                .extract().asString()).isEqualTo(before);

        // the live consumer goes on where it stood
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"reason\":\"Передумали\"}")
                .when().post("/applications/" + id + "/withdraw").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(types(id, STAFF).stream()
                .filter(t -> !t.equals("DocumentUploaded")).toList())
                .containsExactly("ApplicationDrafted", "ApplicationSubmitted", "ApplicationWithdrawn"));
        given().auth().oauth2(AUDITOR).when().post("/admin/read-models/history/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void staffAuditorsAndTheOrganisationReadAHistoryAndABadMomentIsNamed() {
        String programme = ApplicationApiTest.programme("2027-02-01", "Математика");
        String id = ApplicationApiTest.draft(SCHOOL, ApplicationApiTest.form(programme, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(types(id, STAFF)).contains("ApplicationDrafted"));
        given().auth().oauth2(SCHOOL).when().get("/applications/" + id + "/history").then().statusCode(200);
        given().auth().oauth2(ApplicationApiTest.OTHER_SCHOOL).when().get("/applications/" + id + "/history").then()
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/applications/" + id + "/history").then().statusCode(401);
        given().auth().oauth2(STAFF).when().get("/applications/" + UUID.randomUUID() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).queryParam("asOf", "вчера").when().get("/applications/" + id + "/history")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("asOf"));
        given().auth().oauth2(STAFF).queryParam("asOf", "2026-03-01T12:00:00").when().get("/applications/" + id + "/history")
                .then().statusCode(400).body("errors.field", hasItem("asOf"));
        // before anything happened: an empty timeline, no state
        assertThat(history(id, STAFF, "2020-01-01T00:00:00+03:00").getList("steps")).isEmpty();
    }

    static List<String> types(String id, String token) {
        return given().auth().oauth2(token).when().get("/applications/" + id + "/history").then().extract().jsonPath()
                .getList("steps.type", String.class);
    }

    static JsonPath history(String id, String token, String asOf) {
        var request = given().auth().oauth2(token);
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return request.when().get("/applications/" + id + "/history").then().statusCode(200).extract().jsonPath();
    }

    static ContractTerms terms(String id, String programme, String participant) {
        return new ContractTerms("000-000001", formInn(), "МБОУ «Пример»", "773601001", "044525225",
                "Москва", programme, "Программа", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12), 36, "PREPAYMENT",
                List.of(new ContractTerms.Participant(participant, "Петров Пётр Петрович")), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", "Иванова Мария Петровна", "tutor@fioco.ru");
    }

    static String formInn() {
        return ApplicationForms.INN;
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
