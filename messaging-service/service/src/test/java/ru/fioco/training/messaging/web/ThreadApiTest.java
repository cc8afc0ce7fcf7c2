package ru.fioco.training.messaging.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static ru.fioco.training.messaging.Lifecycle.AUDITOR;
import static ru.fioco.training.messaging.Lifecycle.OTHER_SCHOOL;
import static ru.fioco.training.messaging.Lifecycle.SCHOOL;
import static ru.fioco.training.messaging.Lifecycle.STAFF;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.axonframework.eventhandling.DomainEventMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import ru.fioco.training.messaging.Lifecycle;
import ru.fioco.training.messaging.domain.MessageThread;
import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.security.AuditorView;

/**
 * The thread through REST: a conversation with unread counters and read marks, attachments up and down,
 * and every bad input and wrong caller answered with a problem and nothing stored.
 */
@QuarkusTest
class ThreadApiTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MongoClient mongo;

    @Inject
    AxonRuntime axon;

    @Test
    void aConversationCountsUnreadPerSideUntilEachSideReads() throws Exception {
        String app = new Lifecycle(kafka).submitted().applicationId;
        // the «received» notice is for both sides
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(unread(SCHOOL, app)).isEqualTo(1));
        post(SCHOOL, app, "{\"text\":\"Добрый день! Можно ли заменить участника?\"}").then().statusCode(201)
                .body("sequence", equalTo(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(unread(STAFF, app)).isEqualTo(2));
        given().auth().oauth2(STAFF).when().get("/threads?unread=true&size=200").then().statusCode(200)
                .body("applicationId", hasItem(app));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .when().post("/threads/" + app + "/read").then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(unread(STAFF, app)).isEqualTo(0));
        given().auth().oauth2(STAFF).when().get("/threads?unread=true&size=200").then().statusCode(200)
                .body("applicationId", not(hasItem(app)));

        post(STAFF, app, "{\"text\":\"Да, исправьте заявку и отправьте снова.\"}").then().statusCode(201)
                .body("sequence", equalTo(3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(unread(SCHOOL, app)).isEqualTo(2));
        given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"upToSequence\":1}")
                .when().post("/threads/" + app + "/read").then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(unread(SCHOOL, app)).isEqualTo(1));
        given().auth().oauth2(SCHOOL).when().get("/threads/" + app).then().statusCode(200)
                .body("entries.text", hasItem("Да, исправьте заявку и отправьте снова."))
                .body("entries.find { it.sequence == 2 }.side", equalTo("ORGANISATION"))
                .body("entries.find { it.sequence == 3 }.side", equalTo("INSTITUTE"))
                .body("entries.find { it.sequence == 2 }.authorId", notNullValue());
        // an auditor reads which side wrote, not who nor what
        given().auth().oauth2(AUDITOR).when().get("/threads/" + app).then().statusCode(200)
                .body("entries.find { it.sequence == 2 }.side", equalTo("ORGANISATION"))
                .body("entries.authorId", everyItem(nullValue()))
                .body("entries.find { it.sequence == 2 }.text", equalTo("скрыто"));
        List<String> shown = AuditorView.shownPaths(new ObjectMapper().readTree(given().auth().oauth2(AUDITOR).when()
                .get("/threads/" + app).then().extract().asString()));
        assertThat(shown).contains("entries[].side").allSatisfy(path ->
                assertThat(AuditorView.allows(ThreadResource.AUDITOR_SEES, path)).as(path).isTrue());
        // a signed-in person with none of the platform's roles sees nothing
        String noRole = Lifecycle.TOKENS.mint("nobody@example.ru", "guest", null, Duration.ofMinutes(5));
        given().auth().oauth2(noRole).when().get("/threads/" + app).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(noRole).when().get("/threads").then().statusCode(403);

        // a representative lists their own organisation's threads only
        String otherApp = new Lifecycle(kafka, Lifecycle.OTHER_INN).submitted().applicationId;
        given().auth().oauth2(SCHOOL).when().get("/threads?size=200").then().statusCode(200)
                .body("applicationId", hasItem(app)).body("applicationId", not(hasItem(otherApp)))
                .body("organisationInn", not(hasItem(Lifecycle.OTHER_INN)));
    }

    @Test
    void badMessagesAreRefusedNamingTheFieldAndNothingIsPosted() {
        String app = new Lifecycle(kafka).submitted().applicationId;
        refused(post(SCHOOL, app, "{\"text\":\"   \"}"), 400, "text");
        refused(post(SCHOOL, app, "{}"), 400, "text");
        refused(post(SCHOOL, app, "{\"text\":\"" + "я".repeat(10_001) + "\"}"), 400, "text");
        refused(post(SCHOOL, app, "{\"text\":\"a\\u0000b\"}"), 400, "text");
        refused(post(SCHOOL, app, "{\"text\":\"см. файл\",\"attachmentIds\":[\"65a0c0ffee0000000000000a\"]}"), 400,
                "attachmentIds[0]");
        refused(post(SCHOOL, app, "{\"text\":\"x\",\"attachmentIds\":[\"../../etc/passwd\"]}"), 400, "attachmentIds[0]");
        post(SCHOOL, app, "{\"text\": ").then().statusCode(400).contentType("application/problem+json");
        post(SCHOOL, app, "{\"text\": [\"a\"]}").then().statusCode(400).contentType("application/problem+json");
        refused(given().auth().oauth2(SCHOOL).contentType(ContentType.JSON).body("{\"upToSequence\":99}")
                .when().post("/threads/" + app + "/read"), 400, "upToSequence");
        refused(given().auth().oauth2(SCHOOL).when().get("/threads?size=0"), 400, "size");
        refused(given().auth().oauth2(SCHOOL).when().get("/threads?page=-1"), 400, "page");
        post(SCHOOL, app, "{\"text\":\"" + "я".repeat(10_000) + "\"}").then().statusCode(201).body("sequence", equalTo(2));
        assertThat(given().auth().oauth2(STAFF).when().get("/threads/" + app).then().extract().jsonPath()
                .getList("entries.sequence", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void theWrongCallerGetsNothingAndWritesNothing() {
        String app = new Lifecycle(kafka).submitted().applicationId;
        given().when().get("/threads/" + app).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").when().get("/threads").then().statusCode(401);
        given().auth().oauth2(OTHER_SCHOOL).when().get("/threads/" + app).then().statusCode(404)
                .contentType("application/problem+json");
        post(OTHER_SCHOOL, app, "{\"text\":\"чужая переписка\"}").then().statusCode(404);
        upload(OTHER_SCHOOL, app, PDF, "a.pdf").then().statusCode(404);
        given().auth().oauth2(OTHER_SCHOOL).contentType(ContentType.JSON).body("{}")
                .when().post("/threads/" + app + "/read").then().statusCode(404);
        post(AUDITOR, app, "{\"text\":\"аудит\"}").then().statusCode(403).contentType("application/problem+json");
        upload(AUDITOR, app, PDF, "a.pdf").then().statusCode(403);
        given().auth().oauth2(SCHOOL).when().get("/threads/" + app + "/reminders").then().statusCode(403);
        given().auth().oauth2(STAFF).when().get("/threads/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        post(STAFF, "00000000-0000-0000-0000-000000000000", "{\"text\":\"x\"}").then().statusCode(404);
        assertThat(given().auth().oauth2(STAFF).when().get("/threads/" + app).then().extract().jsonPath()
                .getList("entries.kind", String.class)).containsExactly("APPLICATION_RECEIVED");
    }

    @Test
    void anAttachmentIsUploadedPostedAndDownloadedWithSafeHeaders() throws Exception {
        String app = new Lifecycle(kafka).submitted().applicationId;
        long filesBefore = storedFiles();
        String id = upload(SCHOOL, app, PDF, "скан договора.pdf").then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("fileName", equalTo("скан договора.pdf"))
                .body("sha256", equalTo(sha256(PDF))).body("size", equalTo(PDF.length))
                .extract().path("attachmentId");
        // not posted yet: the institute does not see it
        given().auth().oauth2(STAFF).when().get("/threads/" + app + "/attachments/" + id).then().statusCode(404);
        post(SCHOOL, app, "{\"text\":\"Скан договора\",\"attachmentIds\":[\"" + id + "\"]}").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/threads/" + app).then().statusCode(200)
                .body("entries.find { it.sequence == 2 }.attachments[0].attachmentId", equalTo(id)));
        Response download = given().auth().oauth2(STAFF).when().get("/threads/" + app + "/attachments/" + id);
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment;"))
                .header("Content-Disposition", Matchers.containsString("UTF-8''%D1%81%D0%BA%D0%B0%D0%BD"))
                .header("X-Content-Type-Options", "nosniff");
        assertThat(download.asByteArray()).isEqualTo(PDF);
        given().auth().oauth2(AUDITOR).when().get("/threads/" + app + "/attachments/" + id).then().statusCode(403);
        given().auth().oauth2(OTHER_SCHOOL).when().get("/threads/" + app + "/attachments/" + id).then().statusCode(404);
        // the download is in the access log: whose (the application's files), by whom
        given().auth().oauth2(STAFF).queryParam("applicationId", app).when().get("/admin/access-log").then()
                .statusCode(200).body("find { it.objectId == '" + id + "' }.kind", equalTo("ATTACHMENT_DOWNLOADED"))
                .body("find { it.objectId == '" + id + "' }.subjects", Matchers.contains("application:" + app));
        given().auth().oauth2(SCHOOL).queryParam("applicationId", app).when().get("/admin/access-log").then()
                .statusCode(403);
        // a file goes with one message only
        refused(post(SCHOOL, app, "{\"text\":\"ещё раз\",\"attachmentIds\":[\"" + id + "\"]}"), 400, "attachmentIds[0]");
        // the institute cannot attach the school's file
        refused(post(STAFF, app, "{\"text\":\"пересылаю\",\"attachmentIds\":[\"" + id + "\"]}"), 400, "attachmentIds[0]");
        assertThat(storedFiles()).isEqualTo(filesBefore + 1);
    }

    @Test
    void programsScriptsAndEmptyFilesAreRefusedAndNothingIsStored() {
        String app = new Lifecycle(kafka).submitted().applicationId;
        long filesBefore = storedFiles();
        long chunksBefore = storedChunks();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        refused(upload(SCHOOL, app, exe, "счёт.pdf"), 400, "file");
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0};
        refused(upload(SCHOOL, app, elf, "report.docx"), 400, "file");
        refused(upload(SCHOOL, app, "#!/bin/sh\nrm -rf ~\n".getBytes(), "readme.txt"), 400, "file");
        refused(upload(SCHOOL, app, "<?php system($_GET['c']); ?>".getBytes(), "note.txt"), 400, "file");
        refused(upload(SCHOOL, app, "<html><script>alert(1)</script></html>".getBytes(), "page.txt"), 400, "file");
        refused(upload(SCHOOL, app, "var s = WScript.CreateObject('WScript.Shell');".getBytes(), "счёт.js"), 400, "name");
        refused(upload(SCHOOL, app, "@echo off".getBytes(), "run.bat"), 400, "name");
        refused(upload(SCHOOL, app, new byte[0], "empty.pdf"), 400, "file");
        refused(given().auth().oauth2(SCHOOL).contentType("application/octet-stream").body(PDF)
                .when().post("/threads/" + app + "/attachments"), 400, "name");
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(storedChunks()).isEqualTo(chunksBefore);
        // a path in the name (as some browsers send it) leaves the base name, never a place on disk
        upload(SCHOOL, app, PDF, "../../etc/passwd").then().statusCode(201).body("fileName", equalTo("passwd"));
        upload(SCHOOL, app, PDF, "C:\\fakepath\\счёт.pdf").then().statusCode(201).body("fileName", equalTo("счёт.pdf"));
        // what is neither a program nor a script passes, whatever it is
        upload(SCHOOL, app, "Список участников;\nПетров;Математика\n".getBytes(StandardCharsets.UTF_8), "участники.csv")
                .then().statusCode(201).body("contentType", equalTo("text/plain"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * A long thread is loaded from a snapshot plus the events after it, and the snapshot carries the whole state:
     * the sequence goes on where it was and every message stays.
     */
    @Test
    void aLongThreadIsLoadedFromItsSnapshotWithNothingLost() {
        String app = new Lifecycle(kafka).submitted().applicationId;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(unread(SCHOOL, app)).isEqualTo(1));
        // more events than any snapshot threshold (100 in production, 5 in the tests)
        for (int i = 2; i <= 110; i++) {
            post(i % 2 == 0 ? SCHOOL : STAFF, app, "{\"text\":\"Сообщение " + i + "\"}").then().statusCode(201)
                    .body("sequence", equalTo(i));
        }
        DomainEventMessage<?> first = axon.configuration().eventStore().readEvents(app).next();
        assertThat(first.getPayload()).as("the stream starts at a snapshot").isInstanceOf(MessageThread.class);
        assertThat(first.getSequenceNumber()).isPositive();

        post(SCHOOL, app, "{\"text\":\"После снимка\"}").then().statusCode(201).body("sequence", equalTo(111));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(STAFF)
                .when().get("/threads/" + app).then().statusCode(200)
                .body("entries.size()", equalTo(111))
                .body("entries.find { it.sequence == 111 }.text", equalTo("После снимка")));
    }

    static Response post(String token, String app, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/threads/" + app + "/messages");
    }

    static Response upload(String token, String app, byte[] bytes, String name) {
        return given().auth().oauth2(token).contentType("application/octet-stream").queryParam("name", name).body(bytes)
                .when().post("/threads/" + app + "/attachments");
    }

    /** The caller's side's «N непрочитанных» for the thread. */
    static long unread(String token, String app) {
        return given().auth().oauth2(token).when().get("/threads/" + app).then().statusCode(200)
                .extract().jsonPath().getLong("unread");
    }

    static ValidatableResponse refused(Response r, int status, String field) {
        return r.then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    long storedFiles() {
        return mongo.getDatabase("messages").getCollection("attachments.files").countDocuments();
    }

    long storedChunks() {
        return mongo.getDatabase("messages").getCollection("attachments.chunks").countDocuments();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theMailsGivenUpOnAreForStaffToSeeAndSendAgain() {
        given().auth().oauth2(Lifecycle.STAFF).when().get("/admin/mail/failed").then().statusCode(200)
                .contentType("application/json");
        for (String token : List.of(SCHOOL, AUDITOR)) {
            given().auth().oauth2(token).when().get("/admin/mail/failed").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).when().post("/admin/mail/failed/x/retry").then().statusCode(403);
        }
        given().auth().oauth2(Lifecycle.STAFF).when().post("/admin/mail/failed/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
