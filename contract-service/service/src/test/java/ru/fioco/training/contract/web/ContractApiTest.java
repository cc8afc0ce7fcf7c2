package ru.fioco.training.contract.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.contract.AdjustableClock;
import ru.fioco.training.contract.query.DocumentFacts;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.devstack.TokenMinter;
import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.CommandWatch;
import ru.fioco.training.platform.testing.RebuildCheck;
import ru.fioco.training.platform.testing.TopicReader;

/**
 * A contract from "taken into work" to "paid" through REST and Kafka: application- and document-service's
 * events put on their topics, real broker in-process, Mongo wire server in memory, the clock set per step.
 */
@QuarkusTest
class ContractApiTest {

    static final TokenMinter TOKENS = SharedTestStack.get().tokens();
    static final String INN = "7707083893";
    static final String SCHOOL = TOKENS.representative("school@example.ru", INN);
    static final String OTHER_SCHOOL = TOKENS.representative("other@example.ru", "500100732259");
    static final String STAFF = TOKENS.staff("staff@fioco.ru");
    static final String AUDITOR = TOKENS.auditor("auditor@fioco.ru");
    static final String APPS = "ru.fioco.training.applications.";
    static final String DOCS = "ru.fioco.training.documents.";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AdjustableClock clock;

    @Inject
    ServiceDatabase database;

    @Inject
    AxonRuntime axon;

    @AfterEach
    void today() {
        clock.set(LocalDate.of(2026, 11, 23));
    }

    @Test
    void fromTakenIntoWorkToConcludedAccessInvoiceAndPayment() throws Exception {
        // the programme starts on Monday 1 February 2027; 3 working days before it is Wednesday 27 January
        String app = contractFor("PREPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200)
                .body("drafts.size()", equalTo(1)).body("totalAmount", equalTo(24000.00f)));

        String draftId = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().extract().path("drafts[0].contractDocumentId");
        byte[] docx = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/" + draftId)
                .then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", Matchers.startsWith("attachment"))
                .extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("МБОУ «Школа № 1»", "24000,00", "Без НДС", "000-000123", "100 % предоплата",
                    "Петров Пётр (Математика)");
        }

        // a rejected participant document stops the conclusion, naming what is missing
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "DocumentRejected", app, new DocumentRejected(app, "p1", DocumentSlot.SNILS, 1, "Нечитаемо"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("conclusion-documents")));

        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        clock.set(LocalDate.of(2027, 1, 28)); // two working days before the start
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(422)
                .body("rule", equalTo("conclusion-deadline")).body("lastAllowedDate", equalTo("2027-01-27"))
                .body("errors[0].field", equalTo("programmeStartDate")));

        clock.set(LocalDate.of(2027, 1, 27));
        conclude(app).then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200)
                .body("status", equalTo("CONCLUDED"))
                .body("access.enrolmentKey", matchesPattern("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"))
                .body("access.courseUrl", equalTo("https://lms.fioco.ru/course/view.php?id=42"))
                .body("access.tutors.email", Matchers.contains("tutor@fioco.ru", "sidorov@fioco.ru"))
                .body("invoice.number", matchesPattern("СЧ-2027-\\d{6}"))
                .body("invoice.dueDate", equalTo("2027-02-03"))
                .body("invoice.amount", equalTo(24000.00f)));
        given().auth().oauth2(AUDITOR).when().get("/contracts/" + app).then().statusCode(200)
                .body("access.enrolmentKey", nullValue()).body("access.courseUrl", notNullValue());
        given().auth().oauth2(OTHER_SCHOOL).when().get("/contracts/" + app).then().statusCode(404);

        pay(app, "{\"paymentOrderNumber\":\"512\",\"paidOn\":\"2027-01-29\",\"amount\":10000}").then().statusCode(202);
        pay(app, "{\"paymentOrderNumber\":\"513\",\"paidOn\":\"2027-01-29\",\"amount\":14000.01}").then().statusCode(422)
                .body("rule", equalTo("overpayment"));
        pay(app, "{\"paymentOrderNumber\":\"\",\"paidOn\":\"2027-01-29\",\"amount\":1}").then().statusCode(400)
                .body("errors.field", Matchers.hasItem("paymentOrderNumber"));
        pay(app, "{\"paymentOrderNumber\":\"514\",\"paidOn\":\"2027-01-30\",\"amount\":14000.00}").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("fullyPaid", equalTo(true)).body("payments.size()", equalTo(2)));

        // after the programme: act, signed act, originals, results (one fails), certificate, shipment, closed
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(422)
                .body("rule", equalTo("act-before-programme-end"));
        clock.set(LocalDate.of(2027, 2, 15));
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(202);
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_ACT, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("act.number", matchesPattern("АКТ-2027-\\d{6}"))
                .body("originalsDueDate", equalTo("2027-02-18")));
        clock.set(LocalDate.of(2027, 2, 19));
        given().auth().oauth2(STAFF).when().get("/staff/originals-overdue").then().statusCode(200)
                .body("applicationId", Matchers.hasItem(app));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"receivedOn\":\"2027-02-19\"}")
                .when().post("/contracts/" + app + "/originals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/staff/originals-overdue").then().body("applicationId", Matchers.not(Matchers.hasItem(app))));

        given().auth().oauth2(STAFF).contentType("text/csv; charset=UTF-8").body("participantId;passed\np1;может быть\np3\n")
                .when().post("/contracts/" + app + "/results").then().statusCode(400)
                .body("errors.field", Matchers.hasItems("rows[1].passed", "rows[2]"));
        given().auth().oauth2(STAFF).contentType("text/csv; charset=UTF-8").body("\uFEFFparticipantId;passed\r\np1;да\r\np2;нет\r\n")
                .when().post("/contracts/" + app + "/results").then().statusCode(202);
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/certificates").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("certificates.size()", equalTo(1))
                .body("certificates[0].participantId", equalTo("p1"))
                .body("certificates[0].registrationNumber", matchesPattern("ПК-2027-\\d{6}")));
        String register = given().auth().oauth2(STAFF).queryParam("year", 2027).when().get("/staff/certificate-register.csv")
                .then().statusCode(200).header("Content-Disposition", Matchers.startsWith("attachment"))
                .extract().asString();
        String[] lines = register.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0].split(";", -1)).hasSize(40).startsWith("Вид документа", "Статус документа");
        String row = Arrays.stream(lines).filter(l -> l.contains("Петров")).findFirst().orElseThrow();
        assertThat(row.split(";", -1)).hasSize(40);
        assertThat(row).contains("Удостоверение о повышении квалификации", "Функциональная грамотность", "112-233-445 95", "36");
        assertThat(register).doesNotContain("Иванова;Мария"); // she did not pass
        given().auth().oauth2(STAFF).when().get("/staff/certificate-register.csv").then().statusCode(400)
                .body("errors.field", Matchers.hasItem("year"));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"trackingNumber\":\"80085012345678\"}")
                .when().post("/contracts/" + app + "/shipment").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("status", equalTo("CLOSED"))
                .body("shipments[0].withCertificates", equalTo(true)));

        List<ConsumerRecord<String, String>> events = TopicReader.readAll(kafka, "contracts").stream()
                .filter(r -> app.equals(r.key())).toList();
        assertThat(events).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).replace("ru.fioco.training.contracts.", ""))
                .containsExactly("ContractOpened", "ContractDraftsIssued", "ContractConcluded", "CourseAccessGranted",
                        "InvoiceIssued", "PaymentRecorded", "PaymentRecorded", "ServiceActIssued", "SignedActAccepted",
                        "OriginalsReceived", "TrainingResultRecorded", "TrainingResultRecorded", "CertificateIssued",
                        "PackageShipped", "ContractClosed");
    }

    @Test
    void withPaymentAfterTheServicesUnpaidOriginalsShipWithoutCertificatesWhichFollowThePayment() {
        String app = contractFor("POSTPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(202));
        clock.set(LocalDate.of(2027, 2, 15));
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("invoice.amount", equalTo(24000.00f)));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"p1\":true,\"p2\":true}")
                .when().post("/contracts/" + app + "/results").then().statusCode(202);
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/certificates").then().statusCode(422)
                .body("rule", equalTo("certificates-unpaid"));
        // the originals come in two envelopes; the package goes back only once all are here
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"actCopies\":2,\"contractCopies\":1}")
                .when().post("/contracts/" + app + "/originals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .contentType(ContentType.JSON).body("{\"trackingNumber\":\"80085012340001\"}")
                .when().post("/contracts/" + app + "/shipment").then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("shipment-before-originals"))
                .body("contractCopies", equalTo(1)));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"actCopies\":0,\"contractCopies\":1,\"trackingNumber\":\"80081234567890\"}")
                .when().post("/contracts/" + app + "/originals").then().statusCode(202);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"actCopies\":1}")
                .when().post("/contracts/" + app + "/originals").then().statusCode(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .contentType(ContentType.JSON).body("{\"trackingNumber\":\"80085012340001\"}")
                .when().post("/contracts/" + app + "/shipment").then().statusCode(202));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("status", equalTo("SHIPPED"))
                .body("statusLabel", equalTo("исполнен, не оплачен"))
                .body("originals.trackingNumber", Matchers.hasItem("80081234567890"))
                .body("shipments[0].items", Matchers.contains("CONTRACT", "ACT", "INVOICE"))
                .body("shipments[0].withCertificates", equalTo(false)).body("certificates.size()", equalTo(0)));
        // unpaid: the invoice is overdue ten working days after the act (2 March 2027), then in staff's queue
        clock.set(LocalDate.of(2027, 3, 3));
        given().auth().oauth2(STAFF).when().get("/staff/invoices-overdue").then().statusCode(200)
                .body("applicationId", Matchers.hasItem(app));

        pay(app, "{\"paymentOrderNumber\":\"77\",\"paidOn\":\"2027-02-20\",\"amount\":24000.00}").then().statusCode(202);
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/certificates").then().statusCode(202);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"trackingNumber\":\"80085012340002\"}")
                .when().post("/contracts/" + app + "/shipment").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("status", equalTo("CLOSED"))
                .body("certificates.size()", equalTo(2)).body("shipments[1].withCertificates", equalTo(true))
                .body("shipments[1].items", Matchers.contains("CERTIFICATES"))
                .body("certificates.holderName", Matchers.contains("Петров Пётр", "Иванова Мария")));
        given().auth().oauth2(STAFF).when().get("/staff/invoices-overdue").then().statusCode(200)
                .body("applicationId", Matchers.not(Matchers.hasItem(app)));
    }

    @Test
    void withdrawalBeforeConclusionCancelsTheContract() {
        String app = contractFor("PREPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        send(APPS + "ApplicationWithdrawn", app, new ApplicationWithdrawn(app, "Обучение перенесли", "representative"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("ending.reason", equalTo("Обучение перенесли")).body("statusLabel", equalTo("отменён")));
        conclude(app).then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("contract-cancelled"));
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(409)
                .body("rule", equalTo("contract-cancelled"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"note\":\"п. 4\"}")
                .when().post("/contracts/" + app + "/drafts").then().statusCode(409);
        List<String> types = TopicReader.readAll(kafka, "contracts").stream().filter(r -> app.equals(r.key()))
                .map(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).replace("ru.fioco.training.contracts.", ""))
                .toList();
        assertThat(types).containsExactly("ContractOpened", "ContractDraftsIssued", "ContractCancelled");
    }

    @Test
    void staffTerminateAConcludedContractAndTheSchoolCannot() {
        String app = contractFor("PREPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200));
        terminate(app, STAFF, "{\"reason\":\"отказ\",\"amountOwed\":0}").then().statusCode(422)
                .body("rule", equalTo("termination-before-conclusion"));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(202));
        for (String token : List.of(SCHOOL, AUDITOR)) {
            terminate(app, token, "{\"reason\":\"отказ\",\"amountOwed\":0}").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        terminate(app, STAFF, "{\"reason\":\"\",\"amountOwed\":-1,\"terminatedOn\":\"2099-01-01\"}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", Matchers.hasItems("reason", "amountOwed", "terminatedOn"));
        terminate(app, STAFF, "{\"reason\":\"" + "я".repeat(2001) + "\",\"amountOwed\":24000.01}").then()
                .statusCode(400).body("errors.field", Matchers.hasItems("reason", "amountOwed"));
        terminate(app, STAFF, "{\"amountOwed\":\"много\"}").then().statusCode(400)
                .contentType("application/problem+json");
        terminate(app, STAFF, "{\"reason\":\"Соглашение сторон\",\"amountOwed\":6000.00}").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("status", equalTo("TERMINATED"))
                .body("ending.amountOwed", equalTo(6000.00f)));
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(409)
                .body("rule", equalTo("contract-terminated"));
        terminate(app, STAFF, "{\"reason\":\"ещё раз\",\"amountOwed\":0}").then().statusCode(409);
    }

    @Test
    void accessWaitsForTheProgrammesCourseAddress() {
        String programme = UUID.randomUUID().toString();
        String app = contractFor("POSTPAYMENT", programme, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("access-without-course"))
                .body("errors[0].field", equalTo("lmsCourseUrl")));
        // staff give the programme its course after the contract opened: the conclusion grants access to it
        send(APPS + "ProgrammeChanged", programme, new ProgrammeChanged(programme, "Функциональная грамотность",
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12), 36, List.of("Математика", "Физика"),
                new BigDecimal("12000.00"), "https://lms.fioco.ru/course/view.php?id=77",
                List.of(new Tutor("Сидоров Олег Ильич", "sidorov@fioco.ru"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(202));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("access.courseUrl",
                        equalTo("https://lms.fioco.ru/course/view.php?id=77"))
                .body("access.tutors.name", Matchers.contains("Сидоров Олег Ильич")));
    }

    static Response terminate(String app, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/contracts/" + app + "/termination");
    }

    @Test
    void theContractBoardIsRebuiltFromTheEventStoreIdentically() {
        String app = contractFor("PREPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200).body("drafts.size()", equalTo(1)));
        String before = given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().extract().asString();
        RebuildCheck.rebuildsIdentically(STAFF, "contract-board");
        assertThat(given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().statusCode(200).extract().asString())
                .isEqualTo(before);
    }

    @Test
    void theCopiesOfApplicationsAndVerdictsAreReadAgainFromKafkaWithoutOpeningOrRecordingAnythingTwice() {
        String app = contractFor("PREPAYMENT");
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().statusCode(200).body("drafts.size()", equalTo(1));
            Document facts = database.collection(DocumentFacts.COLLECTION)
                    .find(Filters.eq("_id", app)).first();
            assertThat(facts).isNotNull();
            assertThat(facts.getBoolean("SIGNED_CONTRACT")).isTrue();
        });
        String before = given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().extract().asString();

        // the live listeners open contracts and record signed acts; a replay must send no command at all
        try (CommandWatch commands = CommandWatch.on(axon)) {
            for (String copy : List.of("applications-copy", "document-facts")) {
                var rebuilt = RebuildCheck.rebuildsIdentically(STAFF, copy);
                assertThat(rebuilt.getString("source")).isEqualTo("KAFKA");
                assertThat(rebuilt.getLong("eventsReplayed")).isEqualTo(rebuilt.getLong("eventsToReplay")).isPositive();
            }
            assertThat(commands.about(app)).isEmpty();
            assertThat(given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().statusCode(200).extract()
                    .asString()).isEqualTo(before);

            // the live consumer goes on where it stood: the next application taken into work opens its contract
            String next = contractFor("POSTPAYMENT");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                    .when().get("/contracts/" + next).then().statusCode(200).body("drafts.size()", equalTo(1)));
            assertThat(commands.about(next)).isNotEmpty(); // the watch does see commands
        }
        given().auth().oauth2(SCHOOL).when().post("/admin/read-models/document-facts/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).when().post("/admin/read-models/no-such-copy/rebuild").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyStaffConcludeRevisePayAndTheWrongOrganisationFindsNothing() {
        String app = contractFor("POSTPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200));
        given().auth().oauth2(SCHOOL).when().post("/contracts/" + app + "/conclusion").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).when().post("/contracts/" + app + "/conclusion").then().statusCode(403);
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{}").when().post("/contracts/" + app + "/payments")
                .then().statusCode(403);
        pay(app, "{\"paymentOrderNumber\":\"1\",\"paidOn\":\"2027-01-29\",\"amount\":1}").then().statusCode(422)
                .body("rule", equalTo("payment-without-invoice"));
        pay(app, "{\"paymentOrderNumber\":\"" + "7".repeat(31) + "\",\"paidOn\":\"2027-01-29\",\"amount\":1}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("paymentOrderNumber"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"note\":\"" + "п".repeat(2001) + "\"}")
                .when().post("/contracts/" + app + "/drafts").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("note"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"note\":\"Изменён п. 3 по просьбе школы\"}")
                .when().post("/contracts/" + app + "/drafts").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("drafts.size()", equalTo(2))
                .body("drafts[1].note", equalTo("Изменён п. 3 по просьбе школы")));
        for (String action : List.of("conclusion", "act", "certificates", "drafts", "originals", "results", "shipment",
                "payments", "termination")) {
            for (String token : List.of(SCHOOL, OTHER_SCHOOL, AUDITOR)) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                        .when().post("/contracts/" + app + "/" + action)
                        .then().statusCode(403).contentType("application/problem+json");
            }
        }
        given().auth().oauth2(SCHOOL).when().get("/staff/originals-overdue").then().statusCode(403);
        given().auth().oauth2(SCHOOL).when().get("/staff/invoices-overdue").then().statusCode(403);
        given().auth().oauth2(AUDITOR).when().get("/staff/invoices-overdue").then().statusCode(403);
        given().auth().oauth2(AUDITOR).queryParam("year", 2027).when().get("/staff/certificate-register.csv").then().statusCode(403);
        given().auth().oauth2(OTHER_SCHOOL).when().get("/contracts/" + app + "/documents/x").then().statusCode(404);
        given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/not-ours").then().statusCode(404);
        given().auth().oauth2(STAFF).when().get("/contracts/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/contracts/" + app).then().statusCode(401);
    }

    @Test
    void aParticipantCorrectedAfterSubmissionIsNamedAnewInANewDraft() throws Exception {
        String app = contractFor("PREPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200).body("drafts.size()", equalTo(1)));
        ApplicationForm.Participant before = participant("p1", "Петров", "Пётр", "Математика");
        ApplicationForm.Participant after = participant("p1", "Петрова", "Пелагея", "Математика");
        send(APPS + "ParticipantCorrected", app, new ParticipantCorrected(app, "p1", before, after,
                List.of("surname", "name")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200)
                .body("drafts.size()", equalTo(2))
                .body("drafts[1].note", equalTo("Исправлены данные участника"))
                .body("participants.fullName", Matchers.hasItem("Петрова Пелагея"))
                .body("participants.subject", Matchers.hasItem("Математика")));
        String draftId = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().extract()
                .path("drafts[1].contractDocumentId");
        byte[] docx = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/" + draftId)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Петрова Пелагея (Математика)").doesNotContain("Петров Пётр");
        }
        // the same correction again (a redelivery) issues nothing: the next correction, behind it on the same
        // partition, makes the third draft, not the fourth
        send(APPS + "ParticipantCorrected", app, new ParticipantCorrected(app, "p1", before, after,
                List.of("surname", "name")));
        send(APPS + "ParticipantCorrected", app, new ParticipantCorrected(app, "p2",
                participant("p2", "Иванова", "Мария", "Физика"), participant("p2", "Иванова", "Марина", "Физика"),
                List.of("name")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200)
                .body("participants.fullName", Matchers.hasItem("Иванова Марина")));
        given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().body("drafts.size()", equalTo(3));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A programme, a submitted application and its taking into work, as application-service publishes them. */
    String contractFor(String paymentTerms) {
        return contractFor(paymentTerms, UUID.randomUUID().toString(), "https://lms.fioco.ru/course/view.php?id=42");
    }

    String contractFor(String paymentTerms, String programme, String courseUrl) {
        String app = UUID.randomUUID().toString();
        send(APPS + "ProgrammePublished", programme, new ProgrammePublished(programme, "Функциональная грамотность",
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12), 36, List.of("Математика", "Физика"),
                new BigDecimal("12000.00"), courseUrl, courseUrl == null ? List.of()
                        : List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"),
                                new Tutor("Сидоров Олег Ильич", "sidorov@fioco.ru"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/programmes/" + programme).then().statusCode(200));
        ApplicationForm form = new ApplicationForm(null, ApplicationForm.ResultDelivery.PAPER, false, null,
                ApplicationForm.PaymentTerms.valueOf(paymentTerms), programme,
                new ApplicationForm.Organisation("г. Москва", "МБОУ «Школа № 1»", "Школа № 1", "s@school.ru", null,
                        "Москва, ул. Кремлёвская, д. 1", "Москва", INN, "773601001", "044525225"),
                true, List.of(participant("p1", "Петров", "Пётр", "Математика"), participant("p2", "Иванова", "Мария", "Физика")));
        send(APPS + "ApplicationSubmitted", app, new ApplicationSubmitted(app, "000-000123", Instant.now(),
                LocalDate.of(2026, 11, 26), false, form));
        send(APPS + "ApplicationTakenIntoWork", app, new ApplicationTakenIntoWork(app, "000-000123", INN, programme,
                ApplicationForm.PaymentTerms.valueOf(paymentTerms), 2));
        return app;
    }

    static ApplicationForm.Participant participant(String id, String surname, String name, String subject) {
        return new ApplicationForm.Participant(id, surname, name, null, ApplicationForm.Sex.MALE, "Учитель",
                LocalDate.of(1980, 1, 1), subject, ApplicationForm.EducationLevel.HIGHER, surname, null, "1",
                "11223344595", "p@school.ru");
    }

    void send(String type, String key, Object event) {
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send(type.contains("applications") ? "applications" : "documents", key, UUID.randomUUID().toString(),
                    type, event);
        }
    }

    static Response conclude(String app) {
        return given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/conclusion");
    }

    static Response pay(String app, String body) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).when().post("/contracts/" + app + "/payments");
    }
}
