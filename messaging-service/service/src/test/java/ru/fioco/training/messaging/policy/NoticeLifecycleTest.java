package ru.fioco.training.messaging.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.fioco.training.messaging.Lifecycle.AUDITOR;
import static ru.fioco.training.messaging.Lifecycle.SCHOOL;
import static ru.fioco.training.messaging.Lifecycle.STAFF;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.contract.api.ContractClosed;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractDraftsIssued;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.CourseAccessGranted;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PackageShipped;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.messaging.Lifecycle;
import ru.fioco.training.platform.consuming.ProcessedEventLog;

/**
 * The lifecycle of an application as the other services' events tell it, through the real broker: the
 * thread's notices in order and once each, even when the {@code contracts} topic is delivered twice (with
 * and without the consumer's memory of it); the e-mails GreenMail received, once each.
 */
@QuarkusTest
class NoticeLifecycleTest {

    static final String KEY = "KQ7M-X4TD-9PWE-H3RA";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MongoClient mongo;

    @Test
    void theWholeLifecyclePostsEachNoticeOnceAndMailsWhatNeedsAction() throws Exception {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        awaitKinds(id, "APPLICATION_RECEIVED");
        app.application(new ApplicationTakenIntoWork(id, "000-000101", app.inn, app.programmeId,
                ApplicationForm.PaymentTerms.PREPAYMENT, 1));
        awaitKinds(id, "APPLICATION_RECEIVED", "APPLICATION_TAKEN_INTO_WORK");
        app.document(new DocumentRejected(id, "p1", DocumentSlot.PASSPORT, 1, "Скан нечитаем"));
        awaitKinds(id, "APPLICATION_RECEIVED", "APPLICATION_TAKEN_INTO_WORK", "DOCUMENT_REJECTED");

        int firstContractEvent = app.sent.size();
        app.contract(new ContractOpened(id, app.contractTerms(), new BigDecimal("12000.00")));
        app.contract(new ContractDraftsIssued(id, 1, "d1", "d2", null));
        app.contract(new ContractConcluded(id, LocalDate.of(2027, 1, 20)));
        app.contract(new CourseAccessGranted(id, "https://lms.fioco.ru/course/view.php?id=42", KEY,
                "Иванова Мария Петровна", "tutor@fioco.ru", "Зарегистрируйтесь на платформе и введите кодовое слово."));
        app.contract(new InvoiceIssued(id, "СЧ-2027-000001", new BigDecimal("12000.00"), LocalDate.of(2027, 1, 20), "d3"));
        app.contract(new PaymentRecorded(id, "512", LocalDate.of(2027, 1, 22), new BigDecimal("12000.00"),
                new BigDecimal("12000.00"), true));
        app.contract(new ServiceActIssued(id, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "d4"));
        app.contract(new SignedActAccepted(id, LocalDate.of(2027, 2, 19), false));
        app.contract(new OriginalsReceived(id, LocalDate.of(2027, 2, 18)));
        app.contract(new PackageShipped(id, "80085012345678", true));
        List<String> lifecycle = List.of("APPLICATION_RECEIVED", "APPLICATION_TAKEN_INTO_WORK", "DOCUMENT_REJECTED",
                "DRAFTS_AVAILABLE", "CONTRACT_CONCLUDED", "COURSE_ACCESS_GRANTED", "INVOICE_ISSUED", "PAYMENT_RECEIVED",
                "ACT_ISSUED", "PACKAGE_SHIPPED");
        awaitKinds(id, lifecycle.toArray(String[]::new));

        // the contracts topic again, as after an offset reset: the consumer's log recognises every record ...
        List<Lifecycle.Sent> contracts = app.sent.subList(firstContractEvent, app.sent.size());
        app.resend(List.copyOf(contracts));
        // ... and once more with that log forgotten: the thread itself knows each cause
        new ProcessedEventLog(mongo.getDatabase("messages").getCollection(ProcessedEventLog.COLLECTION))
                .forget("messaging-service.contracts");
        app.resend(List.copyOf(contracts));
        Lifecycle.Sent marker = app.contract(new ContractClosed(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getDatabase("messages")
                .getCollection(ProcessedEventLog.COLLECTION)
                .find(Filters.eq("_id", "messaging-service.contracts|" + marker.ceId())).first() != null);
        JsonPath thread = thread(id, STAFF);
        assertThat(thread.getList("entries.kind", String.class)).containsExactlyElementsOf(lifecycle);
        assertThat(thread.getList("entries.sequence", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        String access = thread.getString("entries.find { it.kind == 'COURSE_ACCESS_GRANTED' }.text");
        assertThat(access).contains(KEY).contains("https://lms.fioco.ru/course/view.php?id=42")
                .contains("Иванова Мария Петровна").contains("tutor@fioco.ru").contains("кодовое слово");
        assertThat(thread.getString("entries.find { it.kind == 'DOCUMENT_REJECTED' }.text"))
                .contains("«Паспорт» участника Петров П. П.").contains("Скан нечитаем");
        assertThat(thread.getString("entries.find { it.kind == 'INVOICE_ISSUED' }.text")).contains("12 000,00 руб.");
        assertThat(thread.getString("entries.find { it.kind == 'PACKAGE_SHIPPED' }.text")).contains("80085012345678");

        // the notices that need action were mailed to the applicant, each once; the others were not
        List<String> mailed = List.of("DOCUMENT_REJECTED", "DRAFTS_AVAILABLE", "COURSE_ACCESS_GRANTED", "INVOICE_ISSUED",
                "ACT_ISSUED", "PACKAGE_SHIPPED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(thread(id, STAFF)
                .getList("entries.findAll { it.mailedTo.contains('" + app.applicantEmail + "') }.kind", String.class))
                .containsExactlyElementsOf(mailed));
        List<MimeMessage> mails = SharedTestStack.get().mail().receivedFor(app.applicantEmail);
        assertThat(mails).hasSize(mailed.size());
        Map<String, String> bodies = new HashMap<>();
        for (MimeMessage m : mails) {
            String noticeId = m.getHeader("X-Training-Notice")[0];
            assertThat(bodies.put(noticeId, body(m))).as("mail for notice " + noticeId).isNull();
        }
        String accessId = thread.getString("entries.find { it.kind == 'COURSE_ACCESS_GRANTED' }.messageId");
        assertThat(bodies.get(accessId)).contains(KEY).contains("Заявка № 000-000");
        assertThat(mails.stream().map(NoticeLifecycleTest::subject))
                .anySatisfy(s -> assertThat(s).startsWith("ФИОКО, заявка № 000-000").endsWith("Доступ к курсу открыт"));

        // the outbox keeps the notice as data: the key in its own field, no prose to mask
        Document outboxed = mongo.getDatabase("messages").getCollection("mail_outbox")
                .find(Filters.eq("messageId", accessId)).first();
        assertThat(outboxed.getString("kind")).isEqualTo("COURSE_ACCESS_GRANTED");
        assertThat(outboxed.getString("text")).isNull();
        assertThat(JsonPath.from(outboxed.getString("parameters")).getString("enrolmentKey")).isEqualTo(KEY);

        // an auditor reads the notices with what identifies or admits hidden: the key, names, addresses
        String auditedBody = given().auth().oauth2(AUDITOR).when().get("/threads/" + id).then().statusCode(200)
                .extract().asString();
        JsonPath audited = JsonPath.from(auditedBody);
        assertThat(audited.getString("entries.find { it.kind == 'COURSE_ACCESS_GRANTED' }.text"))
                .contains("Кодовое слово для записи на курс: скрыто").contains("https://lms.fioco.ru/course/view.php?id=42");
        assertThat(audited.getString("entries.find { it.kind == 'INVOICE_ISSUED' }.text")).contains("12 000,00 руб.");
        assertThat(audited.getString("entries.find { it.kind == 'DOCUMENT_REJECTED' }.text"))
                .contains("«Паспорт» участника скрыто");
        assertThat(audited.getString("entries.find { it.kind == 'COURSE_ACCESS_GRANTED' }.mailedTo[0]")).isEqualTo("скрыто");
        assertThat(auditedBody).doesNotContain(KEY, "Иванова", "tutor@fioco.ru", "Петров", app.applicantEmail,
                "Скан нечитаем");
    }

    @Test
    void aContractEventThatOvertakesTheSubmissionIsPostedWhenTheThreadOpens() {
        Lifecycle app = new Lifecycle(kafka);
        Lifecycle.Sent drafts = app.contract(new ContractDraftsIssued(app.applicationId, 1, "d1", "d2", "Первая версия"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getDatabase("messages").getCollection("parked_notices")
                .find(Filters.eq("_id", drafts.ceId())).first() != null);
        app.submitted();
        awaitKinds(app.applicationId, "APPLICATION_RECEIVED", "DRAFTS_AVAILABLE");
        assertThat(mongo.getDatabase("messages").getCollection("parked_notices")
                .countDocuments(Filters.eq("applicationId", app.applicationId))).isZero();
    }

    @Test
    void aWithdrawalIsAnnouncedAndClosesTheThreadToPeople() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        app.application(new ApplicationWithdrawn(app.applicationId, "Участник уволился", "representative"));
        awaitKinds(app.applicationId, "APPLICATION_RECEIVED", "APPLICATION_WITHDRAWN");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SCHOOL)
                .when().get("/threads/" + app.applicationId).then().statusCode(200).body("closed", equalTo(true)));
        assertThat(thread(app.applicationId, SCHOOL).getString("entries[1].text"))
                .contains("Организация сняла заявку").contains("Участник уволился");
        given().auth().oauth2(SCHOOL).contentType("application/json").body("{\"text\":\"Можно вернуть?\"}")
                .when().post("/threads/" + app.applicationId + "/messages")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(SCHOOL).contentType("application/octet-stream").body("%PDF-1.4".getBytes())
                .when().post("/threads/" + app.applicationId + "/attachments?name=a.pdf")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(STAFF).when().get("/threads/" + app.applicationId + "/reminders").then().statusCode(200)
                .body("find { it.reminder.kind == 'REVIEW_DUE_TOMORROW' }.status", equalTo("CANCELLED"));
    }

    static void awaitKinds(String applicationId, String... kinds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                thread(applicationId, STAFF).getList("entries.kind", String.class)).containsExactly(kinds));
    }

    static JsonPath thread(String applicationId, String token) {
        return given().auth().oauth2(token).when().get("/threads/" + applicationId)
                .then().statusCode(200).extract().jsonPath();
    }

    static String body(MimeMessage m) {
        try {
            return text(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                b.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return b.toString();
        }
        return String.valueOf(content);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
