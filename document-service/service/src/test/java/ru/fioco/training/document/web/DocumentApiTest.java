package ru.fioco.training.document.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationChanged;
import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ParticipantCorrected;
import ru.fioco.training.application.api.ParticipantsLocked;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.devstack.TokenMinter;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.security.AuditorView;
import ru.fioco.training.platform.testing.CloudEventSender;
import ru.fioco.training.platform.testing.CommandWatch;
import ru.fioco.training.platform.testing.RebuildCheck;
import ru.fioco.training.platform.testing.TopicReader;

/**
 * Documents through REST, with the application's lifecycle arriving on the {@code applications} topic:
 * real Kafka broker in-process, Mongo wire server in memory (GridFS included).
 */
@QuarkusTest
class DocumentApiTest {

    static final TokenMinter TOKENS = SharedTestStack.get().tokens();
    static final String INN = "7707083893";
    static final String SCHOOL = TOKENS.representative("school@example.ru", INN);
    static final String OTHER_SCHOOL = TOKENS.representative("other@example.ru", "500100732259");
    static final String STAFF = TOKENS.staff("staff@fioco.ru");
    static final String AUDITOR = TOKENS.auditor("auditor@fioco.ru");
    static final String TYPE = "ru.fioco.training.applications.";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MongoClient mongo;

    @Inject
    AxonRuntime axon;

    @TestHTTPResource("/")
    URI base;

    @Test
    void uploadsReviewReuploadAndEveryDocumentAcceptedExactlyOnce() throws Exception {
        String app = submittedApplication("p1", "p2");
        // p2's diploma is in another surname: the name-change document is required for them only
        for (String p : List.of("p1", "p2")) {
            for (String slot : List.of("PASSPORT", "SNILS", "EDUCATION")) {
                upload(SCHOOL, app, p, slot, TestFiles.pdf(), slot.toLowerCase() + ".pdf").then().statusCode(201)
                        .body("version", equalTo(1)).body("contentType", equalTo("application/pdf"));
            }
        }
        Response nameChange = upload(SCHOOL, app, "p2", "NAME_CHANGE", TestFiles.jpeg(), "свидетельство о браке.jpg");
        nameChange.then().statusCode(201).body("contentType", equalTo("image/jpeg"))
                .body("fileName", equalTo("свидетельство о браке.jpg"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("participants.find { it.participantId == 'p2' }.slots.find { it.slot == 'NAME_CHANGE' }.mark", equalTo("!")));

        // staff reject p1's SNILS, the school uploads it again, staff accept everything
        verdict(app, "p1", "SNILS", 1, false, "Скан нечитаемый").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> slot(app, "p1", "SNILS")
                .body("mark", equalTo("✘")).body("reason", equalTo("Скан нечитаемый")));
        upload(SCHOOL, app, "p1", "SNILS", TestFiles.png(), "снилс.png").then().statusCode(201).body("version", equalTo(2));
        verdict(app, "p1", "SNILS", 1, true, null).then().statusCode(409);
        for (String p : List.of("p1", "p2")) {
            for (String slot : List.of("PASSPORT", "SNILS", "EDUCATION")) {
                verdict(app, p, slot, "p1".equals(p) && "SNILS".equals(slot) ? 2 : 1, true, null).then().statusCode(204);
            }
        }
        verdict(app, "p2", "NAME_CHANGE", 1, true, null).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("participants.slots.flatten().findAll { it.required }.mark", Matchers.everyItem(equalTo("✔")))
                .body("participants.find { it.participantId == 'p1' }.slots.find { it.slot == 'SNILS' }.versions.size()", equalTo(2)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> events = TopicReader.readAll(kafka, "documents").stream()
                    .filter(r -> app.equals(r.key())).toList();
            assertThat(events).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE))
                    .filteredOn(t -> t.endsWith("ApplicationDocumentsAccepted")).hasSize(1);
            assertThat(events).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE))
                    .filteredOn(t -> t.endsWith("ParticipantDocumentsAccepted")).hasSize(2);
            assertThat(events).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE))
                    .contains("ru.fioco.training.documents.DocumentRejected");
            assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain("JVBERi0")); // no bytes in events
        });
    }

    @Test
    void theCabinetAndTheProgrammeCopyAreRebuiltIdentically() {
        String app = submittedApplication("p1");
        upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "паспорт.pdf").then().statusCode(201);
        verdict(app, "p1", "PASSPORT", 1, false, "Нечитаемо").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> slot(app, "p1", "PASSPORT").body("mark", equalTo("✘")));
        String before = given().auth().oauth2(STAFF).when().get("/applications/" + app + "/documents").then().extract().asString();
        RebuildCheck.rebuildsIdentically(STAFF, "document-cabinet");
        // the programmes kept from the applications topic are read again from offset 0, touching no file
        try (CommandWatch commands = CommandWatch.on(axon)) {
            var programmes = RebuildCheck.rebuildsIdentically(STAFF, "programme-copy");
            assertThat(programmes.getString("source")).isEqualTo("KAFKA");
            assertThat(programmes.getLong("eventsReplayed")).isEqualTo(programmes.getLong("eventsToReplay")).isPositive();
            assertThat(commands.about(app)).isEmpty();
        }
        assertThat(given().auth().oauth2(STAFF).when().get("/applications/" + app + "/documents").then().statusCode(200)
                .extract().asString()).isEqualTo(before);
    }

    @Test
    void downloadsAreAttachmentsWithSafeHeadersForTheOrganisationAndStaffAndAreRecorded() throws Exception {
        String app = submittedApplication("p1");
        byte[] pdf = TestFiles.pdf();
        // as a browser names it, with a path; downloadable the moment the upload is answered
        String documentId = upload(SCHOOL, app, "p1", "PASSPORT", pdf, "C:\\fakepath\\паспорт Петров.pdf").then()
                .statusCode(201).body("fileName", equalTo("паспорт Петров.pdf")).extract().path("documentId");

        Response download = given().auth().oauth2(SCHOOL).when().get("/applications/" + app + "/documents/files/" + documentId);
        download.then().statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", Matchers.startsWith("attachment; filename=\""))
                .header("Content-Disposition", Matchers.containsString(
                        "filename*=UTF-8''%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2.pdf"));
        assertThat(sha256(download.asByteArray())).isEqualTo(sha256(pdf));
        given().auth().oauth2(STAFF).when().get("/applications/" + app + "/documents/files/" + documentId).then().statusCode(200);
        given().auth().oauth2(AUDITOR).when().get("/applications/" + app + "/documents/files/" + documentId).then().statusCode(403);
        given().auth().oauth2(OTHER_SCHOOL).when().get("/applications/" + app + "/documents/files/" + documentId).then().statusCode(404);
        // each download of a participant's scan is in the access log, under that participant; staff and auditors read it
        given().auth().oauth2(AUDITOR).queryParam("subject", "participant:p1").when().get("/admin/access-log").then()
                .statusCode(200).body("findAll { it.objectId == '" + documentId + "' }.kind",
                        Matchers.contains("SCAN_DOWNLOADED", "SCAN_DOWNLOADED"))
                .body("findAll { it.objectId == '" + documentId + "' }.role", Matchers.containsInAnyOrder("staff",
                        "representative"));
        given().auth().oauth2(SCHOOL).queryParam("applicationId", app).when().get("/admin/access-log").then()
                .statusCode(403);
        given().auth().oauth2(STAFF).when().get("/admin/access-log").then().statusCode(400)
                .body("errors.field", Matchers.hasItems("applicationId", "subject"));
        given().auth().oauth2(STAFF).queryParam("subject", "Петров").when().get("/admin/access-log").then()
                .statusCode(400).body("errors.field", Matchers.hasItem("subject"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + app + "/documents/downloads").then().statusCode(200)
                .body("by", Matchers.containsInAnyOrder("school@example.ru", "staff@fioco.ru"))
                .body("version", Matchers.everyItem(equalTo(1))));
        given().auth().oauth2(SCHOOL).when().get("/applications/" + app + "/documents/downloads").then().statusCode(403);
        // each download is a record of its own: the file's document does not grow with them (16 MB per document)
        int stateBefore = mongo.getDatabase("documents").getCollection("document_files").find(Filters.eq("_id", app)).first().toJson().length();
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(STAFF).when().get("/applications/" + app + "/documents/files/" + documentId)
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/applications/" + app + "/documents/downloads").then().body("size()", equalTo(22)));
        assertThat(mongo.getDatabase("documents").getCollection("document_files").find(Filters.eq("_id", app)).first().toJson().length())
                .isEqualTo(stateBefore);
        // the auditor sees metadata without names
        given().auth().oauth2(AUDITOR).when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("participants[0].displayName", equalTo("скрыто"))
                .body("participants[0].slots.find { it.slot == 'PASSPORT' }.versions[0].fileName", equalTo("скрыто"))
                .body("participants[0].slots.find { it.slot == 'PASSPORT' }.versions[0].sha256", notNullValue());
        // field by field: nothing beyond the allow-list
        List<String> shown = AuditorView.shownPaths(new ObjectMapper().readTree(given().auth().oauth2(AUDITOR).when()
                .get("/applications/" + app + "/documents").then().extract().asString()));
        assertThat(shown).contains("participants[].slots[].versions[].sha256").allSatisfy(path ->
                assertThat(AuditorView.allows(DocumentResource.AUDITOR_SEES, path)).as(path).isTrue());
    }

    @Test
    void theBadInputCorpusIsRefusedAndNothingIsStored() throws Exception {
        String app = submittedApplication("p1");
        long chunksBefore = gridFsChunks();
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.exe(), "паспорт.pdf"), 400, "file");
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.html(), "паспорт.jpg"), 400, "file");
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.fakePdf(), "паспорт.pdf"), 400, "file");
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdfWithJavaScript(), "паспорт.pdf"), 400, "file")
                .body("errors[0].message", Matchers.containsString("JavaScript"));
        refused(upload(SCHOOL, app, "p1", "PASSPORT", new byte[0], "пусто.pdf"), 400, "file");
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.overOneMegabyte(), "большой.pdf"), 413, "file");
        // past the HTTP layer's body limit with a declared length (as browsers send uploads): refused before a byte
        // is read, as a problem naming the file, or the body of a JSON request
        byte[] declared = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.UTF_8), 3 * 1024 * 1024);
        HttpResponse<String> tooLarge = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        base.resolve("/applications/" + app + "/documents/participants/p1/PASSPORT?name=big.pdf"))
                .header("Authorization", "Bearer " + SCHOOL)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(declared)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonPath.from(tooLarge.body()).getString("errors[0].field")).isEqualTo("file");
        assertThat(JsonPath.from(tooLarge.body()).getString("detail"))
                .isEqualTo("Размер запроса 3,0 МБ больше допустимого (2,0 МБ).");
        refused(given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"version\":1,\"accepted\":false,\"reason\":\"" + "я".repeat(700_000) + "\"}")
                .when().put("/applications/" + app + "/documents/participants/p1/PASSPORT/verdict"), 413, "body")
                .body("title", equalTo("Запрос слишком большой"));
        // without a declared length the bytes are counted as they stream: refused at the byte past 1 MB, a problem
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.resolve("/applications/" + app + "/documents/participants/p1/PASSPORT?name=big.pdf"))
                        .header("Authorization", "Bearer " + SCHOOL).header("Content-Type", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TestFiles.overOneMegabyte())))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonPath.from(chunked.body()).getString("errors[0].field")).isEqualTo("file");
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "а".repeat(300) + ".pdf"), 400, "name");
        refused(upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "скан\u0000.pdf"), 400, "name");
        // a form's multipart body is not how files come: the answer says how they do
        refused(given().auth().oauth2(SCHOOL).multiPart("file", "x.pdf", TestFiles.pdf(), "application/pdf")
                .when().post("/applications/" + app + "/documents/participants/p1/PASSPORT"), 400, "file");
        // and no temporary copy of the refused scan stays on the service's disk
        Path spool = Path.of(ConfigProvider.getConfig()
                .getValue("quarkus.http.body.uploads-directory", String.class));
        if (Files.exists(spool)) {
            try (var left = Files.list(spool)) {
                assertThat(left.toList()).isEmpty();
            }
        }
        upload(OTHER_SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "x.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        upload(AUDITOR, app, "p1", "PASSPORT", TestFiles.pdf(), "x.pdf").then().statusCode(403)
                .contentType("application/problem+json");
        upload(SCHOOL, app, "nobody", "PASSPORT", TestFiles.pdf(), "x.pdf").then().statusCode(404).contentType("application/problem+json");
        upload(SCHOOL, app, "p1", "DIPLOMA_OF_HOGWARTS", TestFiles.pdf(), "x.pdf").then().statusCode(404);
        uploadToApplication(SCHOOL, app, "PASSPORT", TestFiles.pdf(), "x.pdf").then().statusCode(404);
        assertThat(gridFsChunks()).isEqualTo(chunksBefore);

        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("applications", app, UUID.randomUUID().toString(), TYPE + "ApplicationWithdrawn",
                    new ApplicationWithdrawn(app, "Организация отказалась", "representative"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().body("closed", equalTo(true)));
        upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "x.pdf").then().statusCode(409).contentType("application/problem+json");
        assertThat(gridFsChunks()).isEqualTo(chunksBefore);
    }

    @Test
    void aFiftyMegabyteStreamIsRefusedEarlyWithFlatHeap() throws Exception {
        String app = submittedApplication("p1");
        long chunksBefore = gridFsChunks();
        long heapBefore = usedHeapAfterGc();
        AtomicLong sent = new AtomicLong();
        long fifty = 50L * 1024 * 1024;
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.UTF_8);
        InputStream body = new InputStream() {
            @Override
            public int read() {
                long n = sent.getAndIncrement();
                return n < head.length ? head[(int) n] & 0xff : n < fifty ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int i = 0;
                for (; i < len; i++) {
                    int c = read();
                    if (c < 0) {
                        break;
                    }
                    b[off + i] = (byte) c;
                }
                return i == 0 ? -1 : i;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/applications/" + app + "/documents/participants/p1/PASSPORT?name=big.pdf"))
                .header("Authorization", "Bearer " + SCHOOL)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        Integer status = null;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        } catch (IOException closedWhileSending) {
            // the server may close the connection as soon as the limit is passed, before the client reads the answer
        }
        if (status != null) {
            assertThat(status).isEqualTo(413);
        }
        assertThat(sent.get()).as("bytes the client got to send").isLessThan(fifty / 2);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(16L * 1024 * 1024);
        assertThat(gridFsChunks()).isEqualTo(chunksBefore);
    }

    @Test
    void theSignedContractIsAnApplicationDocumentWithVersionsAndAVerdict() {
        String app = submittedApplication("p1");
        uploadToApplication(SCHOOL, app, "SIGNED_CONTRACT", TestFiles.pdf(), "договор.pdf")
                .then().statusCode(201).body("version", equalTo(1)).body("fileName", equalTo("договор.pdf"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"version\":1,\"accepted\":false,\"reason\":\"Нет подписи руководителя\"}")
                .when().put("/applications/" + app + "/documents/SIGNED_CONTRACT/verdict").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("applicationSlots.find { it.slot == 'SIGNED_CONTRACT' }.mark", equalTo("✘"))
                .body("applicationSlots.find { it.slot == 'SIGNED_CONTRACT' }.reason", equalTo("Нет подписи руководителя"))
                .body("applicationSlots.find { it.slot == 'PAYMENT_ORDER' }.indicator", equalTo("MISSING")));
        uploadToApplication(SCHOOL, app, "signed-contract", TestFiles.pdf(), "договор.pdf")
                .then().statusCode(201).body("version", equalTo(2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then()
                .body("applicationSlots.find { it.slot == 'SIGNED_CONTRACT' }.mark", equalTo("!"))
                .body("applicationSlots.find { it.slot == 'SIGNED_CONTRACT' }.versions.size()", equalTo(2)));
    }

    @Test
    void staffOnlyReviewAndAReasonIsNeededToReject() {
        String app = submittedApplication("p1");
        upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "p.pdf").then().statusCode(201);
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"version\":1,\"accepted\":true}")
                .when().put("/applications/" + app + "/documents/participants/p1/PASSPORT/verdict").then().statusCode(403);
        verdict(app, "p1", "PASSPORT", 1, false, " ").then().statusCode(400).body("errors.field", hasItem("reason"));
        verdict(app, "p1", "PASSPORT", 1, false, "о".repeat(2001)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .when().put("/applications/" + app + "/documents/participants/p1/PASSPORT/verdict").then().statusCode(400)
                .body("errors.field", hasItem("version"));
        verdict(app, "p1", "EDUCATION", 1, true, null).then().statusCode(409);
        given().auth().oauth2(STAFF).when().get("/applications/" + UUID.randomUUID() + "/documents").then().statusCode(404);
    }

    @Test
    void aPdfNamedLikeAProgramIsStoredAndServedWithThePdfsExtension() {
        String app = submittedApplication("p1");
        String documentId = upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(), "паспорт.exe").then().statusCode(201)
                .body("fileName", equalTo("паспорт.pdf")).body("contentType", equalTo("application/pdf"))
                .extract().path("documentId");
        given().auth().oauth2(STAFF).when().get("/applications/" + app + "/documents/files/" + documentId).then()
                .statusCode(200).header("Content-Disposition", Matchers.containsString("filename=\"_______.pdf\""));
        upload(SCHOOL, app, "p1", "SNILS", TestFiles.png(), "снилс").then().statusCode(201).body("fileName", equalTo("снилс.png"));
    }

    @Test
    void staffSeeEveryVersionAwaitingReviewWithItsDueDateTheEarliestFirst() {
        String draft = draftApplication("p1");
        upload(SCHOOL, draft, "p1", "PASSPORT", TestFiles.pdf(), "паспорт.pdf").then().statusCode(201);
        String app = submittedApplication("p1");
        upload(SCHOOL, app, "p1", "SNILS", TestFiles.pdf(), "снилс.pdf").then().statusCode(201);
        LocalDate due = ProductionCalendar.official().endOfWorkingDaysAfter(ProductionCalendar.today(Clock.systemUTC()), 3)
                .date();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath queue = given().auth().oauth2(STAFF).queryParam("size", 100).when().get("/documents/review-queue")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(queue.getString("items.find { it.applicationId == '" + app + "' }.slot")).isEqualTo("SNILS");
            assertThat(queue.getString("items.find { it.applicationId == '" + app + "' }.slotTitle")).isEqualTo("СНИЛС");
            assertThat(queue.getString("items.find { it.applicationId == '" + app + "' }.reviewDueDate"))
                    .isEqualTo(due.toString());
            assertThat(queue.getBoolean("items.find { it.applicationId == '" + app + "' }.overdue")).isFalse();
            // a draft's uploads wait for the submission: nobody reviews a draft
            assertThat(queue.getList("items.applicationId", String.class)).doesNotContain(draft);
            List<String> dues = queue.getList("items.reviewDueDate", String.class);
            assertThat(dues).isSorted();
        });
        verdict(app, "p1", "SNILS", 1, true, null).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(STAFF).queryParam("size", 100)
                .when().get("/documents/review-queue").then().statusCode(200)
                .body("items.applicationId", Matchers.not(hasItem(app))));
        given().auth().oauth2(SCHOOL).when().get("/documents/review-queue").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).when().get("/documents/review-queue").then().statusCode(403);
        given().auth().oauth2(STAFF).queryParam("size", 0).queryParam("page", -1).when().get("/documents/review-queue")
                .then().statusCode(400).body("errors.field", Matchers.containsInAnyOrder("page", "size"));
        given().auth().oauth2(STAFF).queryParam("size", "двадцать").when().get("/documents/review-queue")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", Matchers.contains("size"));
    }

    @Test
    void aParticipantRemovedFromTheDraftTakesItsUploadsAlongAndTheEventStoreKeepsThem() {
        String app = draftApplication("p1", "p2");
        upload(SCHOOL, app, "p2", "PASSPORT", TestFiles.pdf(), "паспорт.pdf").then().statusCode(201);
        ApplicationForm onlyFirst = new ApplicationForm(null, ApplicationForm.ResultDelivery.PAPER, false, null,
                ApplicationForm.PaymentTerms.PREPAYMENT, "prog", null, true, List.of(participant("p1", "Петров", "Петров")));
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("applications", app, UUID.randomUUID().toString(), TYPE + "ApplicationChanged",
                    new ApplicationChanged(app, onlyFirst));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("participants.participantId", equalTo(List.of("p1"))));
        upload(SCHOOL, app, "p2", "PASSPORT", TestFiles.pdf(), "паспорт.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(axon.configuration().eventStore().readEvents(app).asStream().map(m -> m.getPayload())
                .filter(DocumentUploaded.class::isInstance).map(DocumentUploaded.class::cast)
                .map(DocumentUploaded::participantId)).containsExactly("p2");
    }

    @Test
    void aCorrectionRenamesTheParticipantsSlotsAndTheConclusionLocksTheirDocuments() {
        String app = submittedApplication("p1");
        ApplicationForm.Participant before = participant("p1", "Петров", "ПЁТРОВ");
        ApplicationForm.Participant after = participant("p1", "Петрова", "Петров");
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("applications", app, UUID.randomUUID().toString(), TYPE + "ParticipantCorrected",
                    new ParticipantCorrected(app, "p1", before, after, List.of("surname")));
        }
        // the diploma's surname now differs: the name-change document becomes required
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("participants[0].displayName", equalTo("Петрова Имя (Математика)"))
                .body("participants[0].slots.find { it.slot == 'NAME_CHANGE' }.required", equalTo(true)));
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("applications", app, UUID.randomUUID().toString(), TYPE + "ParticipantsLocked",
                    new ParticipantsLocked(app));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> upload(SCHOOL, app, "p1", "PASSPORT", TestFiles.pdf(),
                "паспорт.pdf").then().statusCode(409).body("rule", equalTo("participants-locked")));
        uploadToApplication(SCHOOL, app, "SIGNED_ACT", TestFiles.pdf(), "акт.pdf").then().statusCode(201);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** An application drafted and submitted in application-service, as its events tell document-service. */
    String submittedApplication(String... participantIds) {
        return application(true, participantIds);
    }

    /** An application drafted, not submitted. */
    String draftApplication(String... participantIds) {
        return application(false, participantIds);
    }

    private String application(boolean submitted, String... participantIds) {
        String app = UUID.randomUUID().toString();
        List<ApplicationForm.Participant> participants = IntStream.range(0, participantIds.length)
                .mapToObj(i -> i == 0 ? participant(participantIds[i], "Петров", "ПЁТРОВ")
                        : participant(participantIds[i], "Иванова", "Сидорова")).toList();
        ApplicationForm form = new ApplicationForm(null, ApplicationForm.ResultDelivery.PAPER, false, null,
                ApplicationForm.PaymentTerms.PREPAYMENT, "prog", null, true, participants);
        try (CloudEventSender sender = new CloudEventSender(kafka)) {
            sender.send("applications", app, UUID.randomUUID().toString(), TYPE + "ApplicationDrafted",
                    new ApplicationDrafted(app, INN, ApplicationType.TRAINING, form));
            if (submitted) {
                sender.send("applications", app, UUID.randomUUID().toString(), TYPE + "ApplicationSubmitted",
                        new ApplicationSubmitted(app, "000-000001", Instant.now(), LocalDate.now().plusDays(3), false, form));
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/applications/" + app + "/documents").then().statusCode(200)
                .body("participantsFixed", equalTo(submitted)));
        return app;
    }

    static ApplicationForm.Participant participant(String id, String surname, String diplomaSurname) {
        return new ApplicationForm.Participant(id, surname, "Имя", null, ApplicationForm.Sex.MALE, "Учитель",
                LocalDate.of(1980, 1, 1), "Математика", ApplicationForm.EducationLevel.HIGHER, diplomaSurname, null, "1",
                "11223344595", "p@school.ru");
    }

    /** As the cabinet sends a file: its bytes as the body, its name (as the browser gives it) in {@code name}. */
    static Response upload(String token, String app, String participant, String slot, byte[] bytes, String name) {
        return given().auth().oauth2(token).contentType("application/octet-stream").queryParam("name", name)
                .body(bytes).when().post("/applications/" + app + "/documents/participants/" + participant + "/" + slot);
    }

    static Response uploadToApplication(String token, String app, String slot, byte[] bytes, String name) {
        return given().auth().oauth2(token).contentType("application/pdf").queryParam("name", name)
                .body(bytes).when().post("/applications/" + app + "/documents/" + slot);
    }

    static Response verdict(String app, String participant, String slot, int version, boolean accepted, String reason) {
        RequestSpecification spec = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(reason == null ? "{\"version\":%d,\"accepted\":%s}".formatted(version, accepted)
                        : "{\"version\":%d,\"accepted\":%s,\"reason\":\"%s\"}".formatted(version, accepted, reason));
        return spec.when().put("/applications/" + app + "/documents/participants/" + participant + "/" + slot + "/verdict");
    }

    static ValidatableResponse slot(String app, String participant, String slot) {
        return given().auth().oauth2(SCHOOL).when().get("/applications/" + app + "/documents").then().statusCode(200)
                .rootPath("participants.find { it.participantId == '" + participant + "' }.slots.find { it.slot == '" + slot + "' }");
    }

    static ValidatableResponse refused(Response r, int status, String field) {
        return r.then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    long gridFsChunks() {
        return mongo.getDatabase("documents").getCollection("documents.chunks").countDocuments();
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
