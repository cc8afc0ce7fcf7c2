package ru.fioco.training.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.FreePorts;
import ru.fioco.training.devstack.LocalPlatform;

/**
 * The promise of the design, end to end: the four services as separate processes on the embedded stack,
 * driven through REST only. Ten applications of two organisations go the whole way (one withdrawn, one
 * with a rejected and replaced passport, one paid after the services, one post-payment never paid whose
 * certificates are withheld); every read model of every service is then dropped and rebuilt with the same
 * checksum; then document-service is stopped while the others keep working and, restarted, catches up.
 */
class WholeLifecycleSystemTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String INN_A = "7707083893";
    static final String INN_B = "7736207543";
    static final Duration WAIT = Duration.ofSeconds(60);
    static Path dataDir;
    static Path root;

    LocalPlatform platform;
    String staff;
    String auditor;
    String schoolA;
    String schoolB;

    /** One application as the test drives it. */
    static final class App {
        final int n;
        final String inn;
        final String token;
        final String terms;
        String programme;
        String id;
        String participant;

        App(int n, String inn, String token, String terms) {
            this.n = n;
            this.inn = inn;
            this.token = token;
            this.terms = terms;
        }
    }

    @BeforeAll
    static void paths() throws Exception {
        root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("lifecycle-system-test-");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void tenApplicationsGoTheWholeWayTheReadModelsRebuildIdenticallyAndAStoppedServiceCatchesUp() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalPlatform.LOCAL_PORTS.keySet().forEach(name -> ports.put(name, FreePorts.pick()));
        try (LocalPlatform started = LocalPlatform.start(root, dataDir, ports)) {
            platform = started;
            staff = platform.tokens().staff("staff@fioco.ru");
            auditor = platform.tokens().auditor("auditor@fioco.ru");
            schoolA = platform.tokens().representative("school-a@example.ru", INN_A);
            schoolB = platform.tokens().representative("school-b@example.ru", INN_B);
            LocalDate today = LocalDate.now(MOSCOW);
            LocalDate start = today.plusDays(45);

            List<App> apps = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                boolean b = i >= 6;
                apps.add(new App(i, b ? INN_B : INN_A, b ? schoolB : schoolA, i == 2 || i == 3 ? "POSTPAYMENT" : "PREPAYMENT"));
            }
            App withdrawn = apps.get(0);
            App replaced = apps.get(1);
            App unpaid = apps.get(2);
            App paidAfter = apps.get(3);

            // application-service: a programme each (one open application per organisation and programme)
            for (App a : apps) {
                a.programme = call("application-service", staff).contentType(ContentType.JSON).body("""
                        {"title":"Функциональная грамотность, поток %d","startDate":"%s","endDate":"%s","hours":36,
                         "subjects":["Математика"],"pricePerParticipant":"12000.00",
                         "lmsCourseUrl":"https://lms.fioco.ru/course/view.php?id=42",
                         "tutors":[{"name":"Иванова Мария Петровна","email":"tutor@fioco.ru"}]}"""
                        .formatted(a.n, start, start.plusDays(11)))
                        .when().post("/programmes").then().statusCode(201).extract().path("id");
            }
            for (App a : apps) {
                await().atMost(WAIT).untilAsserted(() -> call("application-service", a.token)
                        .when().get("/programmes/" + a.programme).then().statusCode(200));
                a.id = call("application-service", a.token).contentType(ContentType.JSON).body(form(a))
                        .when().post("/applications").then().statusCode(201).extract().path("id");
                call("application-service", a.token).when().post("/applications/" + a.id + "/submit").then().statusCode(200);
                a.participant = call("application-service", a.token).when().get("/applications/" + a.id).then()
                        .statusCode(200).extract().path("form.participants[0].participantId");
            }
            call("application-service", withdrawn.token).contentType(ContentType.JSON).body("{\"reason\":\"Участник уволился\"}")
                    .when().post("/applications/" + withdrawn.id + "/withdraw").then().statusCode(200);
            List<App> going = apps.subList(1, apps.size());
            for (App a : going) {
                call("application-service", staff).when().post("/applications/" + a.id + "/take-into-work")
                        .then().statusCode(200);
            }

            // document-service: the participant's documents, reviewed; one passport rejected and replaced
            for (App a : going) {
                await().atMost(WAIT).untilAsserted(() -> call("document-service", a.token)
                        .when().get("/applications/" + a.id + "/documents").then().statusCode(200)
                        .body("participantsFixed", org.hamcrest.Matchers.equalTo(true)));
                for (String slot : List.of("PASSPORT", "SNILS", "EDUCATION")) {
                    upload(a, "/participants/" + a.participant + "/" + slot, slot.toLowerCase() + ".pdf");
                    boolean reject = a == replaced && slot.equals("PASSPORT");
                    verdict(a, "/participants/" + a.participant + "/" + slot, 1, !reject);
                    if (reject) {
                        upload(a, "/participants/" + a.participant + "/" + slot, "паспорт, новый скан.pdf");
                        verdict(a, "/participants/" + a.participant + "/" + slot, 2, true);
                    }
                }
            }
            // contract-service: drafts out, signed scans back and accepted, then concluded
            for (App a : going) {
                await().atMost(WAIT).untilAsserted(() -> call("contract-service", a.token)
                        .when().get("/contracts/" + a.id).then().statusCode(200)
                        .body("drafts.size()", org.hamcrest.Matchers.equalTo(1)));
                for (String slot : List.of("SIGNED_CONTRACT", "SIGNED_CONSENT")) {
                    upload(a, "/" + slot, slot.toLowerCase() + ".pdf");
                    verdict(a, "/" + slot, 1, true);
                }
            }
            for (App a : going) {
                await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff)
                        .when().post("/contracts/" + a.id + "/conclusion").then().statusCode(202));
            }
            for (App a : going) {
                await().atMost(WAIT).untilAsserted(() -> call("contract-service", a.token)
                        .when().get("/contracts/" + a.id).then().body("status", org.hamcrest.Matchers.equalTo("CONCLUDED"))
                        .body("access.enrolmentKey", org.hamcrest.Matchers.notNullValue()));
                if (a.terms.equals("PREPAYMENT")) {
                    pay(a, today);
                }
            }

            // after the course: contract-service's clock is moved past the programme's end
            long daysAhead = java.time.temporal.ChronoUnit.DAYS.between(today, start.plusDays(15));
            platform.restart("contract-service", Map.of("PLATFORM_CLOCK_OFFSET", Duration.ofDays(daysAhead).toString()));
            LocalDate later = today.plusDays(daysAhead);
            for (App a : going) {
                call("contract-service", staff).when().post("/contracts/" + a.id + "/act").then().statusCode(202);
                await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff).when().get("/contracts/" + a.id)
                        .then().body("act.number", org.hamcrest.Matchers.notNullValue()));
                if (a == paidAfter) {
                    pay(a, later);
                }
                upload(a, "/SIGNED_ACT", "акт.pdf");
                verdict(a, "/SIGNED_ACT", 1, true);
            }
            for (App a : going) {
                await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff).when().get("/contracts/" + a.id)
                        .then().body("originalsDueDate", org.hamcrest.Matchers.notNullValue()));
                call("contract-service", staff).contentType(ContentType.JSON).body("{}")
                        .when().post("/contracts/" + a.id + "/originals").then().statusCode(202);
                call("contract-service", staff).contentType("text/csv; charset=UTF-8")
                        .body("participantId;passed\n" + a.participant + ";да\n")
                        .when().post("/contracts/" + a.id + "/results").then().statusCode(202);
                if (a == unpaid) {
                    call("contract-service", staff).when().post("/contracts/" + a.id + "/certificates").then().statusCode(422);
                } else {
                    await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff)
                            .when().post("/contracts/" + a.id + "/certificates").then().statusCode(202));
                    await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff).when().get("/contracts/" + a.id)
                            .then().body("certificates.size()", org.hamcrest.Matchers.equalTo(1)));
                }
                call("contract-service", staff).contentType(ContentType.JSON)
                        .body("{\"trackingNumber\":\"8008501234567" + a.n + "\"}")
                        .when().post("/contracts/" + a.id + "/shipment").then().statusCode(202);
            }

            // the applications' ends, as application-service learned them from contract-service
            for (App a : going) {
                String expected = a == unpaid ? "IN_WORK" : "COMPLETED";
                await().atMost(WAIT).untilAsserted(() -> call("application-service", staff).when().get("/applications/" + a.id)
                        .then().body("summary.status", org.hamcrest.Matchers.equalTo(expected)));
            }
            call("application-service", staff).when().get("/applications/" + withdrawn.id).then()
                    .body("summary.status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
            call("contract-service", staff).when().get("/contracts/" + unpaid.id).then()
                    .body("status", org.hamcrest.Matchers.not(org.hamcrest.Matchers.equalTo("CLOSED")))
                    .body("certificates.size()", org.hamcrest.Matchers.equalTo(0));

            // the history of a completed application: every step, masked for the auditor
            App done = apps.get(4);
            await().atMost(WAIT).untilAsserted(() -> assertThat(call("application-service", auditor)
                    .when().get("/applications/" + done.id + "/history").then().statusCode(200).extract().jsonPath()
                    .getList("steps.type", String.class)).contains("ApplicationDrafted", "ApplicationSubmitted",
                    "ApplicationTakenIntoWork", "DocumentUploaded", "DocumentAccepted", "ApplicationDocumentsAccepted",
                    "ContractOpened", "ContractDraftsIssued", "ContractConcluded", "CourseAccessGranted", "InvoiceIssued",
                    "PaymentRecorded", "ServiceActIssued", "SignedActAccepted", "OriginalsReceived",
                    "TrainingResultRecorded", "CertificateIssued", "PackageShipped", "ContractClosed",
                    "ApplicationCompleted", "ThreadOpened", "SystemNoticePosted"));
            String masked = call("application-service", auditor).when().get("/applications/" + done.id + "/history")
                    .then().extract().asString();
            assertThat(masked).doesNotContain("11223344595", "school-a@example.ru", "Петров Пётр");
            assertThat(JsonPath.from(masked).getList("steps.service", String.class)).contains("application-service",
                    "document-service", "contract-service", "messaging-service");

            // every read model of every service, dropped and rebuilt from its event store: the same checksums
            for (String service : LocalPlatform.LOCAL_PORTS.keySet()) {
                List<String> models = call(service, staff).when().get("/admin/read-models").then().statusCode(200)
                        .extract().jsonPath().getList("readModel", String.class);
                assertThat(models).as(service).isNotEmpty();
                for (String model : models) {
                    String before = call(service, staff).when().get("/admin/read-models/" + model).then()
                            .extract().path("checksum");
                    call(service, staff).when().post("/admin/read-models/" + model + "/rebuild").then().statusCode(202);
                    await().atMost(WAIT).until(() -> "REBUILT".equals(call(service, staff)
                            .when().get("/admin/read-models/" + model).then().extract().path("state")));
                    JsonPath after = call(service, staff).when().get("/admin/read-models/" + model).then().extract().jsonPath();
                    assertThat(after.getString("checksumAfter")).as(service + " " + model).isEqualTo(before);
                    assertThat(after.getBoolean("matches")).as(service + " " + model).isTrue();
                }
            }

            // document-service stops; the others keep working; restarted, it catches up with nothing lost
            platform.service("document-service").stop(Duration.ofSeconds(30));
            App late = new App(10, INN_B, schoolB, "PREPAYMENT");
            late.programme = call("application-service", staff)
                    .contentType(ContentType.JSON).body("""
                            {"title":"Поздний поток","startDate":"%s","endDate":"%s","hours":36,"subjects":["Математика"],
                             "pricePerParticipant":"12000.00"}""".formatted(start, start.plusDays(11)))
                    .when().post("/programmes").then().statusCode(201).extract().path("id");
            await().atMost(WAIT).untilAsserted(() -> call("application-service", late.token)
                    .when().get("/programmes/" + late.programme).then().statusCode(200));
            late.id = call("application-service", late.token).contentType(ContentType.JSON).body(form(late))
                    .when().post("/applications").then().statusCode(201).extract().path("id");
            call("application-service", late.token).when().post("/applications/" + late.id + "/submit").then().statusCode(200);
            call("application-service", staff).when().post("/applications/" + late.id + "/take-into-work").then().statusCode(200);
            await().atMost(WAIT).untilAsserted(() -> call("contract-service", late.token).when().get("/contracts/" + late.id)
                    .then().statusCode(200).body("drafts.size()", org.hamcrest.Matchers.equalTo(1)));
            await().atMost(WAIT).untilAsserted(() -> call("messaging-service", late.token).when().get("/threads/" + late.id)
                    .then().statusCode(200));
            platform.restart("document-service", Map.of());
            await().atMost(WAIT).untilAsserted(() -> call("document-service", late.token)
                    .when().get("/applications/" + late.id + "/documents").then().statusCode(200)
                    .body("participantsFixed", org.hamcrest.Matchers.equalTo(true)));
            call("document-service", staff).when().get("/applications/" + replaced.id + "/documents").then().statusCode(200);
        }
    }

    private RequestSpecification call(String service, String token) {
        return given().baseUri(platform.service(service).baseUrl()).auth().oauth2(token);
    }

    private void upload(App a, String slotPath, String name) {
        Response r = call("document-service", a.token).multiPart("file", name, PDF, "application/pdf")
                .when().post("/applications/" + a.id + "/documents" + slotPath);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    }

    private void verdict(App a, String slotPath, int version, boolean accepted) {
        call("document-service", staff).contentType(ContentType.JSON)
                .body(accepted ? "{\"version\":%d,\"accepted\":true}".formatted(version)
                        : "{\"version\":%d,\"accepted\":false,\"reason\":\"Скан нечитаем\"}".formatted(version))
                .when().put("/applications/" + a.id + "/documents" + slotPath + "/verdict").then().statusCode(204);
    }

    private void pay(App a, LocalDate on) {
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", a.token).when().get("/contracts/" + a.id)
                .then().body("invoice.amount", org.hamcrest.Matchers.notNullValue()));
        call("contract-service", staff).contentType(ContentType.JSON)
                .body("{\"paymentOrderNumber\":\"%d\",\"paidOn\":\"%s\",\"amount\":12000.00}".formatted(500 + a.n, on))
                .when().post("/contracts/" + a.id + "/payments").then().statusCode(202);
    }

    static String form(App a) {
        return """
                {"applicant":{"surname":"Сумкин","name":"Фёдор","patronymic":"Иванович","position":"Заместитель директора",
                  "workPhone":"+7 (495) 123-45-67","mobilePhone":"+7 916 123-45-67","email":"sumkin%d@school.ru"},
                 "resultDelivery":"PAPER","viaProcurementPlatform":false,"paymentTerms":"%s","programmeId":"%s",
                 "organisation":{"region":"г. Москва","fullName":"Муниципальное бюджетное общеобразовательное учреждение «Школа %s»",
                  "shortName":"МБОУ «Школа %s»","officialEmail":"mail@school.ru","legalAddress":"111111, Москва, ул. Кремлёвская, д. 1",
                  "postalAddress":"111111, Москва, ул. Кремлёвская, д. 1","inn":"%s","kpp":"773601001","bik":"044525225"},
                 "personalDataConsent":true,
                 "participants":[{"surname":"Петров","name":"Пётр","patronymic":"Петрович","sex":"MALE","position":"Учитель",
                  "birthDate":"1980-01-01","subject":"Математика","educationLevel":"HIGHER","diplomaSurname":"Петров",
                  "diplomaSeries":"АП","diplomaNumber":"123456","snils":"112-233-445 95","email":"petrov%d@school.ru"}]}"""
                .formatted(a.n, a.terms, a.programme, a.inn, a.inn, a.inn, a.n);
    }

    static final byte[] PDF = pdf();

    private static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
