package ru.fioco.training.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import ru.fioco.training.devstack.LocalPlatform;
import ru.fioco.training.devstack.ServiceProcess;

/**
 * Drives applications through the platform's REST APIs only, as the SPA and the institute's staff would:
 * programme, draft, submission, review, documents, contract, payment, act, originals, results,
 * certificates, shipment. Shared by the system tests and the benchmark, against a {@link LocalPlatform}.
 */
public final class LifecycleDriver {

    public static final Duration WAIT = Duration.ofSeconds(60);
    static final List<String> PARTICIPANT_SLOTS = List.of("PASSPORT", "SNILS", "EDUCATION");

    /** One application as driven: its organisation, payment terms and participants, then its ids. */
    public static final class App {
        public final int n;
        public final String inn;
        public final String token;
        public final String terms;
        public final int participants;
        public String programme;
        public String id;
        public final List<String> participantIds = new ArrayList<>();

        public App(int n, String inn, String token, String terms, int participants) {
            this.n = n;
            this.inn = inn;
            this.token = token;
            this.terms = terms;
            this.participants = participants;
        }
    }

    private final LocalPlatform platform;
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    public final String staff;
    public final String auditor;

    /** With tokens minted with the platform's local key (a platform started without Keycloak). */
    public LifecycleDriver(LocalPlatform platform) {
        this(platform, platform.tokens().staff("staff@fioco.ru"), platform.tokens().auditor("auditor@fioco.ru"));
    }

    /** With the given staff's and auditor's tokens (from Keycloak, for a platform signed in through it). */
    public LifecycleDriver(LocalPlatform platform, String staff, String auditor) {
        this.platform = platform;
        this.staff = staff;
        this.auditor = auditor;
    }

    public String representative(String inn) {
        return platform.tokens().representative("school-" + inn + "@example.ru", inn);
    }

    /**
     * A request to the service: with several replicas, to each ready one in turn (round robin, as a load balancer
     * would), so that a write and the read after it may land on different processes.
     */
    public RequestSpecification call(String service, String token) {
        List<ServiceProcess> ready = platform.replicas(service).stream().filter(ServiceProcess::isReady).toList();
        if (ready.isEmpty()) {
            throw new IllegalStateException("no process of " + service + " is ready");
        }
        int turn = turns.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
        return given().baseUri(ready.get(Math.floorMod(turn, ready.size())).baseUrl()).auth().oauth2(token);
    }

    /** Starts rebuilding a read model and returns at once: the rebuild runs while the lifecycles go on. */
    public void startRebuild(String service, String model) {
        call(service, staff).when().post("/admin/read-models/" + model + "/rebuild").then().statusCode(202);
    }

    /** Waits for the rebuild of the model under way to end; its final status. */
    public JsonPath rebuilt(String service, String model) {
        await().atMost(WAIT).until(() -> !"REBUILDING".equals(call(service, staff)
                .when().get("/admin/read-models/" + model).then().extract().path("state")));
        return call(service, staff).when().get("/admin/read-models/" + model).then().statusCode(200).extract().jsonPath();
    }

    // ------------------------------------------------------------------ application-service

    public void programme(App a, String title, LocalDate start) {
        a.programme = call("application-service", staff).contentType(ContentType.JSON).body("""
                {"title":"%s","startDate":"%s","endDate":"%s","hours":36,"subjects":["Математика"],
                 "pricePerParticipant":"12000.00","lmsCourseUrl":"https://lms.fioco.ru/course/view.php?id=42",
                 "tutors":[{"name":"Иванова Мария Петровна","email":"tutor@fioco.ru"}]}"""
                .formatted(title, start, start.plusDays(11)))
                .when().post("/programmes").then().statusCode(201).extract().path("id");
    }

    public void draftAndSubmit(App a) {
        draft(a);
        scans(a);
        submit(a);
    }

    /** The draft, its participants' ids as the server gave them. */
    public void draft(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("application-service", a.token)
                .when().get("/programmes/" + a.programme).then().statusCode(200));
        a.id = call("application-service", a.token).contentType(ContentType.JSON).body(form(a))
                .when().post("/applications").then().statusCode(201).extract().path("id");
        // the board is a projection: the draft shows there a moment after the answer
        List<String> ids = await().atMost(WAIT).until(() -> call("application-service", a.token).when()
                .get("/applications/" + a.id).then().extract(), r -> r.statusCode() == 200)
                .jsonPath().getList("form.participants.participantId", String.class);
        a.participantIds.clear();
        a.participantIds.addAll(ids);
    }

    /** Every participant's required scans uploaded into the draft, as the cabinet does before submission. */
    public void scans(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("document-service", a.token)
                .when().get("/applications/" + a.id + "/documents").then().statusCode(200)
                .body("participants.size()", equalTo(a.participants)));
        for (String participant : a.participantIds) {
            for (String slot : PARTICIPANT_SLOTS) {
                upload(a, "/participants/" + participant + "/" + slot, slot.toLowerCase() + ".pdf");
            }
        }
    }

    /** Submits; the scans reach application-service through Kafka, so a refusal naming them is tried again. */
    public void submit(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("application-service", a.token)
                .when().post("/applications/" + a.id + "/submit").then().statusCode(200));
    }

    /** The submission's refusal (the draft is not submitted), for a test to read. */
    public JsonPath submissionRefused(App a) {
        return call("application-service", a.token).when().post("/applications/" + a.id + "/submit").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
    }

    /**
     * The representative corrects a participant after submission (Рис. 5б): the same data under another surname,
     * the diploma's too.
     *
     * @return the answer, for the caller to check
     */
    public Response correctSurname(App a, int participant, String surname) {
        JsonPath form = call("application-service", a.token).when().get("/applications/" + a.id).then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> data = new LinkedHashMap<>(form.getMap("form.participants[" + participant + "]"));
        data.remove("participantId");
        data.put("surname", surname);
        data.put("diplomaSurname", surname);
        return call("application-service", a.token).contentType(ContentType.JSON).body(data)
                .when().put("/applications/" + a.id + "/participants/" + a.participantIds.get(participant));
    }

    /** Both sides' next steps for the application, as the cabinet's front page shows them to the caller. */
    public JsonPath nextSteps(App a, String token) {
        return call("application-service", token).when().get("/next-steps/" + a.id).then().statusCode(200)
                .extract().jsonPath();
    }

    public void withdraw(App a, String reason) {
        call("application-service", a.token).contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
                .when().post("/applications/" + a.id + "/withdraw").then().statusCode(200);
    }

    public void returnForCorrection(App a, String reason) {
        call("application-service", staff).contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
                .when().post("/applications/" + a.id + "/return").then().statusCode(200);
    }

    public void takeIntoWork(App a) {
        call("application-service", staff).when().post("/applications/" + a.id + "/take-into-work").then().statusCode(200);
    }

    public void awaitStatus(App a, String status) {
        await().atMost(WAIT).untilAsserted(() -> call("application-service", staff).when().get("/applications/" + a.id)
                .then().body("summary.status", equalTo(status)));
    }

    // ------------------------------------------------------------------ document-service

    /**
     * Every participant's scans (uploaded into the draft) accepted; {@code replaceFirstPassport}: rejected once
     * first, then replaced and accepted.
     */
    public void participantDocuments(App a, boolean replaceFirstPassport) {
        await().atMost(WAIT).untilAsserted(() -> call("document-service", a.token)
                .when().get("/applications/" + a.id + "/documents").then().statusCode(200)
                .body("participantsFixed", equalTo(true)));
        for (String participant : a.participantIds) {
            for (String slot : PARTICIPANT_SLOTS) {
                String path = "/participants/" + participant + "/" + slot;
                boolean reject = replaceFirstPassport && slot.equals("PASSPORT") && participant.equals(a.participantIds.get(0));
                verdict(a, path, 1, !reject);
                if (reject) {
                    upload(a, path, "паспорт, новый скан.pdf");
                    verdict(a, path, 2, true);
                }
            }
        }
    }

    /** Waits for contract-service's drafts, then the signed contract and consent, uploaded and accepted. */
    public void signedContract(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", a.token).when().get("/contracts/" + a.id)
                .then().statusCode(200).body("drafts.size()", greaterThanOrEqualTo(1)));
        for (String slot : List.of("SIGNED_CONTRACT", "SIGNED_CONSENT")) {
            upload(a, "/" + slot, slot.toLowerCase() + ".pdf");
            verdict(a, "/" + slot, 1, true);
        }
    }

    public void signedAct(App a) {
        upload(a, "/SIGNED_ACT", "акт.pdf");
        verdict(a, "/SIGNED_ACT", 1, true);
    }

    private void upload(App a, String slotPath, String name) {
        // as a browser's fetch sends a File: the bytes as the body, the name beside them
        Response r = call("document-service", a.token).contentType("application/pdf").queryParam("name", name).body(PDF)
                .when().post("/applications/" + a.id + "/documents" + slotPath);
        if (r.statusCode() != 201) {
            throw new AssertionError("upload " + slotPath + " of " + a.id + ": " + r.statusCode() + " " + r.asString());
        }
    }

    private void verdict(App a, String slotPath, int version, boolean accepted) {
        call("document-service", staff).contentType(ContentType.JSON)
                .body(accepted ? "{\"version\":%d,\"accepted\":true}".formatted(version)
                        : "{\"version\":%d,\"accepted\":false,\"reason\":\"Скан нечитаем\"}".formatted(version))
                .when().put("/applications/" + a.id + "/documents" + slotPath + "/verdict").then().statusCode(204);
    }

    // ------------------------------------------------------------------ contract-service

    /** Concluded as soon as contract-service knows every document accepted; waits for the course access. */
    public void conclude(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff)
                .when().post("/contracts/" + a.id + "/conclusion").then().statusCode(202));
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", a.token).when().get("/contracts/" + a.id)
                .then().body("status", equalTo("CONCLUDED")).body("access.enrolmentKey", notNullValue()));
    }

    /** Pays the whole invoice once it is issued. */
    public void pay(App a, LocalDate on) {
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", a.token).when().get("/contracts/" + a.id)
                .then().body("invoice.amount", notNullValue()));
        String amount = call("contract-service", staff).when().get("/contracts/" + a.id).then().extract()
                .jsonPath().getString("invoice.amount");
        call("contract-service", staff).contentType(ContentType.JSON)
                .body("{\"paymentOrderNumber\":\"%d\",\"paidOn\":\"%s\",\"amount\":%s}".formatted(500 + a.n, on, amount))
                .when().post("/contracts/" + a.id + "/payments").then().statusCode(202);
    }

    /** The act (after the programme's end on contract-service's clock). */
    public void act(App a) {
        call("contract-service", staff).when().post("/contracts/" + a.id + "/act").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff).when().get("/contracts/" + a.id)
                .then().body("act.number", notNullValue()));
    }

    /** Originals received and every participant passed. */
    public void originalsAndResults(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff).when().get("/contracts/" + a.id)
                .then().body("originalsDueDate", notNullValue()));
        call("contract-service", staff).contentType(ContentType.JSON).body("{}")
                .when().post("/contracts/" + a.id + "/originals").then().statusCode(202);
        StringJoiner csv = new StringJoiner("\n", "participantId;passed\n", "\n");
        a.participantIds.forEach(p -> csv.add(p + ";да"));
        call("contract-service", staff).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .when().post("/contracts/" + a.id + "/results").then().statusCode(202);
    }

    public void certificates(App a) {
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff)
                .when().post("/contracts/" + a.id + "/certificates").then().statusCode(202));
        await().atMost(WAIT).untilAsserted(() -> call("contract-service", staff).when().get("/contracts/" + a.id)
                .then().body("certificates.size()", equalTo(a.participants)));
    }

    public void ship(App a) {
        call("contract-service", staff).contentType(ContentType.JSON)
                .body("{\"trackingNumber\":\"800850%08d\"}".formatted(a.n))
                .when().post("/contracts/" + a.id + "/shipment").then().statusCode(202);
    }

    // ------------------------------------------------------------------ read models

    /** The service's rebuildable read models. */
    public List<String> readModels(String service) {
        return call(service, staff).when().get("/admin/read-models").then().statusCode(200).extract().jsonPath()
                .getList("readModel", String.class);
    }

    /** Rebuilds one read model from its event store and waits for it; the final status (checksums, times). */
    public JsonPath rebuild(String service, String model) {
        startRebuild(service, model);
        return rebuilt(service, model);
    }

    // ------------------------------------------------------------------ data

    /** A complete, valid application form with {@code a.participants} participants. */
    public static String form(App a) {
        StringJoiner participants = new StringJoiner(",");
        for (int i = 0; i < a.participants; i++) {
            participants.add("""
                    {"surname":"Петров","name":"Пётр","patronymic":"Петрович","sex":"MALE","position":"Учитель",
                     "birthDate":"1980-01-01","subject":"Математика","educationLevel":"HIGHER","diplomaSurname":"Петров",
                     "diplomaSeries":"АП","diplomaNumber":"12345%d","snils":"%s","email":"petrov%d.%d@school.ru"}"""
                    .formatted(i, snils(1000 + i), a.n, i));
        }
        return """
                {"applicant":{"surname":"Сумкин","name":"Фёдор","patronymic":"Иванович","position":"Заместитель директора",
                  "workPhone":"+7 (495) 123-45-67","mobilePhone":"+7 916 123-45-67","email":"sumkin%d@school.ru"},
                 "resultDelivery":"PAPER","viaProcurementPlatform":false,"paymentTerms":"%s","programmeId":"%s",
                 "organisation":{"region":"г. Москва","fullName":"Муниципальное бюджетное общеобразовательное учреждение «Школа %s»",
                  "shortName":"МБОУ «Школа %s»","officialEmail":"mail@school.ru","legalAddress":"111111, Москва, ул. Кремлёвская, д. 1",
                  "postalAddress":"111111, Москва, ул. Кремлёвская, д. 1","inn":"%s","kpp":"773601001","bik":"044525225",
                  "ogrn":"1027700132195","settlementAccount":"40702810938000012345",
                  "correspondentAccount":"30101810400000000225","bankName":"ПАО Сбербанк",
                  "signatory":{"position":"Директор","fullName":"Кузнецова Ольга Николаевна","basis":"CHARTER"}},
                 "personalDataConsent":true,"participants":[%s]}"""
                .formatted(a.n, a.terms, a.programme, a.inn, a.inn, a.inn, participants);
    }

    /** A SNILS with its check number (the Pension Fund's rule); distinct for seeds 0..899 999 999. */
    public static String snils(int seed) {
        String digits = String.valueOf(100_000_000 + seed);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 % 100;
        return "%s-%s-%s %02d".formatted(digits.substring(0, 3), digits.substring(3, 6), digits.substring(6), check);
    }

    /** Text every scan carries readably in its bytes (the PDF's keywords), to show a stored scan is not in the clear. */
    public static final String SCAN_TEXT = "passport scan of participant 4510-123456";
    public static final byte[] PDF = pdf();

    private static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setKeywords(SCAN_TEXT);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
