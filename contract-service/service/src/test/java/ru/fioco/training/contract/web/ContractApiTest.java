package ru.fioco.training.contract.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import ru.fioco.training.platform.security.AuditorView;
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
            assertThat(text.getText()).contains("МБОУ «Школа № 1»", "24000,00", "НДС не облагается", "000-000123",
                    "100 % предоплату", "Петров Пётр (Математика)", "Иванова Мария (Физика)",
                    // the school's requisites and signatory, the institute's from configuration
                    "ОГРН 1027700132195", "Р/с 40702810938000012345", "в ПАО Сбербанк", "К/с 30101810400000000225",
                    "от имени которого действует директор Кузнецова Ольга Николаевна на основании доверенности № 12 от 01.09.2026",
                    "Казначейский счёт 03214643000000017300", "5. Реквизиты и подписи сторон")
                    .doesNotContain("${");
            assertThat(doc.getTables()).anySatisfy(t -> assertThat(t.getText()).contains("1", "Петров Пётр (Математика)",
                    "2", "Иванова Мария (Физика)"));
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
                .body("access.enrolmentKey", equalTo("скрыто")).body("access.courseUrl", notNullValue())
                .body("access.tutors.email", everyItem(equalTo("скрыто")))
                .body("participants.size()", greaterThan(0))
                .body("participants.fullName", everyItem(equalTo("скрыто")))
                .body("participants.participantId", everyItem(notNullValue()));
        // field by field: an auditor reads nothing the allow-list does not name
        List<String> shown = AuditorView.shownPaths(new ObjectMapper().readTree(given().auth().oauth2(AUDITOR).when()
                .get("/contracts/" + app).then().extract().asString()));
        assertThat(shown).isNotEmpty().allSatisfy(path -> assertThat(AuditorView.allows(ContractResource.AUDITOR_SEES,
                path)).as(path).isTrue());
        assertThat(shown).contains("invoice.amount", "participants[].participantId", "access.courseUrl");
        given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().statusCode(200)
                .body("participants.fullName", everyItem(not(equalTo("скрыто"))));
        // a signed-in person with none of the platform's roles sees nothing
        given().auth().oauth2(TOKENS.mint("nobody@example.ru", "guest", null, Duration.ofMinutes(5))).when()
                .get("/contracts/" + app).then().statusCode(403).contentType("application/problem+json");
        // the invoice names the payee (the institute, from configuration), the payer's bank and the due date
        String invoiceId = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().extract()
                .path("invoice.documentId");
        byte[] invoice = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/" + invoiceId)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(invoice));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Оплатить до 03.02.2027", "Казначейский счёт 03214643000000017300",
                    "БИК 004525988", "Р/с 40702810938000012345", "К/с 30101810400000000225", "24000,00")
                    .doesNotContain("${");
        }
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
        // a null result is a problem naming the participant, never a 500
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"p1\":null,\"p2\":true}")
                .when().post("/contracts/" + app + "/results").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", Matchers.hasItem("results.p1"));
        given().auth().oauth2(STAFF).contentType("text/csv; charset=UTF-8").body("\uFEFFparticipantId;passed\r\np1;да\r\np2;нет\r\n")
                .when().post("/contracts/" + app + "/results").then().statusCode(202);
        // without a header the first line is a result, not dropped: p2 changes to passed here
        given().auth().oauth2(STAFF).contentType("text/csv; charset=UTF-8").body("p2;да\np1;да\n")
                .when().post("/contracts/" + app + "/results").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("results.p2", equalTo(true)));
        given().auth().oauth2(STAFF).contentType("text/csv; charset=UTF-8").body("p2;нет\n")
                .when().post("/contracts/" + app + "/results").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("results.p2", equalTo(false)));
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
        // the export and the contract's documents are in the access log of the participant they name
        given().auth().oauth2(AUDITOR).queryParam("subject", "participant:p1").when().get("/admin/access-log").then()
                .statusCode(200).body("kind", Matchers.hasItems("REGISTER_EXPORTED", "CONTRACT_DOCUMENT_DOWNLOADED"))
                .body("find { it.kind == 'REGISTER_EXPORTED' }.objectId", equalTo("frdo-dpo-2027"));
        given().auth().oauth2(SCHOOL).queryParam("subject", "participant:p1").when().get("/admin/access-log").then()
                .statusCode(403);
        given().auth().oauth2(STAFF).queryParam("year", "двадцать седьмой").when().get("/staff/certificate-register.csv")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", Matchers.hasItem("year"));

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
                        "OriginalsReceived", "TrainingResultRecorded", "TrainingResultRecorded", "TrainingResultRecorded",
                        "TrainingResultRecorded", "CertificateIssued",
                        "PackageShipped", "ContractClosed");
    }

    @Test
    void withPaymentAfterTheServicesUnpaidOriginalsShipWithoutCertificatesWhichFollowThePayment() throws Exception {
        String app = contractFor("POSTPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().statusCode(200));
        // the stage's queues follow the contract: the conclusion's last day (27 January) is two working days off
        clock.set(LocalDate.of(2027, 1, 25));
        assertThat(queued("awaiting-signed-scans", app)).isTrue();
        assertThat(queued("conclusion-due-soon", app)).isTrue();
        clock.set(LocalDate.of(2027, 1, 20));
        assertThat(queued("conclusion-due-soon", app)).isFalse();
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(202));
        clock.set(LocalDate.of(2027, 2, 15));
        await().atMost(Duration.ofSeconds(20)).until(() -> queued("acts-to-issue", app));
        assertThat(queued("awaiting-signed-scans", app)).isFalse();
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("invoice.amount", equalTo(24000.00f))
                .body("originalsDueDate", equalTo("2027-02-18")));
        assertThat(queued("acts-to-issue", app)).isFalse();
        // the act prints both sides' requisites
        String actId = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().extract().path("act.documentId");
        byte[] act = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/" + actId)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(act));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("АКТ № АКТ-2027-", "ОГРН 1027700132195", "Р/с 40702810938000012345",
                    "Казначейский счёт 03214643000000017300", "Кузнецова Ольга Николаевна", "24000,00").doesNotContain("${");
        }
        // staff review the signed act's scan late: the school's deadline stays three working days after the act
        clock.set(LocalDate.of(2027, 2, 19));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_ACT, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("status", equalTo("ACT_SIGNED")));
        given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().body("originalsDueDate", equalTo("2027-02-18"));
        assertThat(queued("originals-overdue", app)).isTrue();
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
        await().atMost(Duration.ofSeconds(20)).until(() -> queued("packages-to-ship", app));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"trackingNumber\":\"80085012340001\"}")
                .when().post("/contracts/" + app + "/shipment").then().statusCode(202);
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

        assertThat(queued("invoices-overdue", app)).isTrue();
        assertThat(queued("packages-to-ship", app)).isFalse();
        pay(app, "{\"paymentOrderNumber\":\"77\",\"paidOn\":\"2027-02-20\",\"amount\":24000.00}").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> queued("certificates-to-issue", app));
        // printed on blanks: the series and consecutive numbers, into the register's «Серия» and «Номер» columns
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"blankSeries\":\"77 00\",\"firstBlankNumber\":0}")
                .when().post("/contracts/" + app + "/certificates").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", Matchers.hasItems("blankSeries", "firstBlankNumber"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"blankSeries\":\"772400\",\"firstBlankNumber\":15}")
                .when().post("/contracts/" + app + "/certificates").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("certificates.blankNumber",
                        Matchers.containsInAnyOrder("0000015", "0000016")));
        String register = given().auth().oauth2(STAFF).queryParam("year", 2027).when()
                .get("/staff/certificate-register.csv").then().statusCode(200).extract().asString();
        assertThat(register).contains(";772400;0000015;", ";772400;0000016;");
        given().auth().oauth2(STAFF).when().get("/staff/certificate-register/unfilled-columns").then().statusCode(200)
                .body("number", Matchers.hasItems(12, 13)).body("find { it.number == 12 }.title",
                        equalTo("Наименование области профессиональной деятельности"));
        given().auth().oauth2(SCHOOL).when().get("/staff/certificate-register/unfilled-columns").then().statusCode(403);
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

    @Test
    void theContractIsNegotiatedInVersionsAndTheAgreedOneIsConcludedThenCountersigned() throws Exception {
        String app = contractFor("PREPAYMENT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200).body("drafts.size()", equalTo(1)));
        // the school asks for a change; staff, the auditor and another school may not
        for (String token : List.of(STAFF, AUDITOR)) {
            changes(app, token, "{\"version\":1,\"comment\":\"п. 4\"}").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        changes(app, OTHER_SCHOOL, "{\"version\":1,\"comment\":\"п. 4\"}").then().statusCode(404);
        changes(app, SCHOOL, "{\"version\":7,\"comment\":\"" + "ж".repeat(2001) + "\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", Matchers.hasItems("version", "comment"));
        changes(app, SCHOOL, "{\"version\":1,\"comment\":\"Просим изменить п. 4: оплата в течение 10 дней\"}")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + app).then().body("drafts[0].changeRequests",
                        Matchers.contains("Просим изменить п. 4: оплата в течение 10 дней")));

        // staff answer with an edited DOCX; anything else is refused, and nothing of it is kept
        byte[] edited = docx("ДОГОВОР № 000-000123 (исправлен п. 4: оплата в течение 10 рабочих дней)");
        uploadDraft(app, SCHOOL, edited, "договор.docx").then().statusCode(403);
        uploadDraft(app, STAFF, "not a word document".getBytes(StandardCharsets.UTF_8), "договор.docx")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        uploadDraft(app, STAFF, zipWithoutWord(), "договор.docx").then().statusCode(400)
                .body("errors[0].field", equalTo("file")).body("errors[0].message", Matchers.containsString("DOCX"));
        uploadDraft(app, STAFF, edited, "договор.docx").then().statusCode(201).body("documentId", notNullValue());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("drafts.size()", equalTo(2))
                .body("drafts[1].uploaded", equalTo(true)).body("drafts[1].note", equalTo("Изменён п. 4")));
        String v2 = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().extract()
                .path("drafts[1].contractDocumentId");
        byte[] downloaded = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/" + v2)
                .then().statusCode(200).contentType(Matchers.startsWith(ContractResource.DOCX)).extract().asByteArray();
        assertThat(downloaded).isEqualTo(edited);

        // «Согласовано, подписывайте»: the conclusion records the version agreed
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        clock.set(LocalDate.of(2027, 1, 27));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(202));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("agreedVersion", equalTo(2)));
        uploadDraft(app, STAFF, edited, "договор.docx").then().statusCode(409);

        // the contract signed by both sides: a readable scan from staff, downloaded by the school
        byte[] scan = png();
        countersigned(app, SCHOOL, scan).then().statusCode(403);
        countersigned(app, STAFF, edited).then().statusCode(400).body("errors[0].field", equalTo("file"));
        countersigned(app, STAFF, scan).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("countersigned.fileName", Matchers.endsWith(".png")));
        String scanId = given().auth().oauth2(SCHOOL).when().get("/contracts/" + app).then().extract()
                .path("countersigned.documentId");
        assertThat(given().auth().oauth2(SCHOOL).when().get("/contracts/" + app + "/documents/" + scanId)
                .then().statusCode(200).contentType(Matchers.startsWith("image/png")).extract().asByteArray()).isEqualTo(scan);
        given().auth().oauth2(OTHER_SCHOOL).when().get("/contracts/" + app + "/documents/" + scanId).then().statusCode(404);
    }

    @Test
    void aProgrammeMovedAfterTakingIntoWorkMovesTheContractsDeadlinesOrIsShownAsAConflict() {
        String programme = UUID.randomUUID().toString();
        String app = contractFor("PREPAYMENT", programme, "https://lms.fioco.ru/course/view.php?id=42");
        String late = contractFor("PREPAYMENT", programme, "https://lms.fioco.ru/course/view.php?id=42");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().statusCode(200);
            given().auth().oauth2(STAFF).when().get("/contracts/" + late).then().statusCode(200);
        });
        // two weeks later: the last day to conclude moves from 27 January to 10 February
        send(APPS + "ProgrammeChanged", programme, new ProgrammeChanged(programme, "Функциональная грамотность",
                LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 26), 36, List.of("Математика", "Физика"),
                new BigDecimal("12000.00"), "https://lms.fioco.ru/course/view.php?id=42",
                List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().body("programmeStart", equalTo("2027-02-15"))
                .body("programmeEnd", equalTo("2027-02-26")).body("programmeConflict", nullValue()));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONTRACT, 1));
        send(DOCS + "DocumentAccepted", app, new DocumentAccepted(app, null, DocumentSlot.SIGNED_CONSENT, 1));
        send(DOCS + "ApplicationDocumentsAccepted", app, new ApplicationDocumentsAccepted(app));
        clock.set(LocalDate.of(2027, 2, 10));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> conclude(app).then().statusCode(202));
        // the act follows the new end too: not on the old end's next working day
        clock.set(LocalDate.of(2027, 2, 15));
        given().auth().oauth2(STAFF).when().post("/contracts/" + app + "/act").then().statusCode(422)
                .body("rule", equalTo("act-before-programme-end"));

        // moved so near that the other contract can no longer be concluded in time: staff see why
        clock.set(LocalDate.of(2027, 2, 1));
        send(APPS + "ProgrammeChanged", programme, new ProgrammeChanged(programme, "Функциональная грамотность",
                LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 26), 36, List.of("Математика", "Физика"),
                new BigDecimal("12000.00"), "https://lms.fioco.ru/course/view.php?id=42",
                List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/contracts/" + late).then().body("programmeStart", equalTo("2027-02-03"))
                .body("programmeConflict", Matchers.containsString("срок заключения договора прошёл")));
        given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().body("programmeStart", equalTo("2027-02-03"))
                .body("programmeConflict", nullValue());
    }

    @Test
    void aTakingIntoWorkReadBeforeItsProgrammeWaitsAndOpensWhenTheProgrammeArrives() {
        String programme = UUID.randomUUID().toString();
        String app = UUID.randomUUID().toString();
        ApplicationForm form = new ApplicationForm(null, ApplicationForm.ResultDelivery.PAPER, false, null,
                ApplicationForm.PaymentTerms.PREPAYMENT, programme, new ApplicationForm.Organisation("г. Москва",
                        "МБОУ «Школа № 1»", "Школа № 1", "s@school.ru", null, "Москва, ул. Кремлёвская, д. 1", "Москва",
                        INN, "773601001", "044525225"),
                true, List.of(participant("p1", "Петров", "Пётр", "Математика")));
        // after an outage the applications' partition is read before the programme's
        send(APPS + "ApplicationSubmitted", app, new ApplicationSubmitted(app, "000-000777", Instant.now(),
                LocalDate.of(2026, 11, 26), false, form));
        send(APPS + "ApplicationTakenIntoWork", app, new ApplicationTakenIntoWork(app, "000-000777", INN, programme,
                ApplicationForm.PaymentTerms.PREPAYMENT, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.collection("pending_openings")
                .countDocuments(Filters.eq("_id", app)) == 1);
        given().auth().oauth2(STAFF).when().get("/contracts/" + app).then().statusCode(404);

        send(APPS + "ProgrammePublished", programme, new ProgrammePublished(programme, "Функциональная грамотность",
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 12), 36, List.of("Математика"),
                new BigDecimal("12000.00"), "https://lms.fioco.ru/course/view.php?id=42", List.of()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/contracts/" + app).then().statusCode(200).body("drafts.size()", equalTo(1))
                .body("totalAmount", equalTo(12000.00f)));
        assertThat(database.collection("pending_openings").countDocuments(Filters.eq("_id", app)))
                .isZero();
        assertThat(database.collection("dead_letters").countDocuments(Filters.eq("subject", app))).isZero();
    }

    @Test
    void theQueuesAreForStaffPagedAndBounded() {
        given().auth().oauth2(STAFF).when().get("/staff/contract-queues/acts-to-issue").then().statusCode(200)
                .body("total", notNullValue());
        given().auth().oauth2(STAFF).when().get("/staff/contract-queues/everything").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).queryParam("page", -1).queryParam("size", 0)
                .when().get("/staff/contract-queues/acts-to-issue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", Matchers.hasItems("page", "size"));
        given().auth().oauth2(STAFF).queryParam("page", Integer.MAX_VALUE).queryParam("size", Integer.MAX_VALUE)
                .when().get("/staff/contract-queues/acts-to-issue").then().statusCode(400);
        given().auth().oauth2(STAFF).queryParam("size", "много")
                .when().get("/staff/contract-queues/acts-to-issue").then().statusCode(400);
        for (String token : List.of(SCHOOL, AUDITOR)) {
            given().auth().oauth2(token).when().get("/staff/contract-queues/acts-to-issue").then().statusCode(403);
        }
    }

    /** Whether the contract is in the queue (its first page is ample for this test's contracts). */
    static boolean queued(String queue, String app) {
        return given().auth().oauth2(STAFF).queryParam("size", 200).when().get("/staff/contract-queues/" + queue)
                .then().statusCode(200).extract().jsonPath().getList("items.applicationId", String.class).contains(app);
    }

    static Response changes(String app, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/contracts/" + app + "/change-requests");
    }

    static Response uploadDraft(String app, String token, byte[] body, String name) {
        return given().auth().oauth2(token).contentType("application/octet-stream").body(body)
                .queryParam("name", name).queryParam("note", "Изменён п. 4")
                .when().post("/contracts/" + app + "/drafts/file");
    }

    static Response countersigned(String app, String token, byte[] body) {
        return given().auth().oauth2(token).contentType("application/octet-stream").body(body)
                .queryParam("name", "договор-подписан.png").when().post("/contracts/" + app + "/countersigned");
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A zip that is not a Word document (a DOCX is a zip, so the type alone lets it through). */
    static byte[] zipWithoutWord() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("не договор".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(200, 100,
                BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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
                        "Москва, ул. Кремлёвская, д. 1", "Москва", INN, "773601001", "044525225", "1027700132195",
                        "40702810938000012345", "30101810400000000225", "ПАО Сбербанк",
                        new ApplicationForm.Signatory("Директор", "Кузнецова Ольга Николаевна",
                                ApplicationForm.SignatoryBasis.POWER_OF_ATTORNEY, "12", LocalDate.of(2026, 9, 1))),
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
