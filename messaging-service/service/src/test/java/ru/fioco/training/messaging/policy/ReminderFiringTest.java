package ru.fioco.training.messaging.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.fioco.training.messaging.Lifecycle.STAFF;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationWithdrawn;
import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.contract.api.ContractCancelled;
import ru.fioco.training.contract.api.ContractConcluded;
import ru.fioco.training.contract.api.ContractOpened;
import ru.fioco.training.contract.api.ContractTerminated;
import ru.fioco.training.contract.api.InvoiceIssued;
import ru.fioco.training.contract.api.OriginalsReceived;
import ru.fioco.training.contract.api.PaymentRecorded;
import ru.fioco.training.contract.api.ServiceActIssued;
import ru.fioco.training.contract.api.SignedActAccepted;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.messaging.AdjustableClock;
import ru.fioco.training.messaging.Lifecycle;

/**
 * Reminders are data: scheduled from the events, fired once when the service's clock passes their moment
 * (09:00 Moscow on the day the production calendar gives), moved when the course moves, cancelled when
 * what they remind of is done, and left silent once they are of no use.
 */
@QuarkusTest
class ReminderFiringTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void today() {
        clock.set(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theReviewDueTomorrowReminderFiresOnceForStaffAtNineOnTheWorkingDayBefore() {
        Lifecycle app = new Lifecycle(kafka).submitted(LocalDate.of(2026, 11, 26));
        String id = app.applicationId;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminder(id, "REVIEW_DUE_TOMORROW"))
                .containsEntry("status", "SCHEDULED"));
        assertThat(reminders(id).getString("find { it.reminder.kind == 'REVIEW_DUE_TOMORROW' }.reminder.fireAt"))
                .isEqualTo("2026-11-25T06:00:00Z");

        clock.at(Instant.parse("2026-11-25T05:59:00Z"));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> count(id, "REVIEW_DUE_TOMORROW") == 0);
        clock.at(Instant.parse("2026-11-25T06:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "REVIEW_DUE_TOMORROW") == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> count(id, "REVIEW_DUE_TOMORROW") == 1);
        assertThat(reminder(id, "REVIEW_DUE_TOMORROW")).containsEntry("status", "FIRED");
        JsonPath thread = NoticeLifecycleTest.thread(id, STAFF);
        assertThat(thread.getList("entries.find { it.kind == 'REVIEW_DUE_TOMORROW' }.audience", String.class))
                .containsExactly("INSTITUTE");
        assertThat(thread.getString("entries.find { it.kind == 'REVIEW_DUE_TOMORROW' }.text")).contains("26.11.2026");
        String noticeId = thread.getString("entries.find { it.kind == 'REVIEW_DUE_TOMORROW' }.messageId");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(noticeId, "pk@fioco.ru") == 1);
    }

    @Test
    void courseRemindersMoveWithTheProgrammeAndExpireOnceItHasBegun() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new ContractOpened(id, app.contractTerms(), new BigDecimal("12000.00")));
        app.contract(new ContractConcluded(id, LocalDate.of(2026, 11, 23)));
        // the course starts Monday 1 February 2027: three working days before is Wednesday 27 January
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reminder(id, "COURSE_STARTS_SOON")).containsEntry("status", "SCHEDULED");
            assertThat(reminder(id, "COURSE_STARTS_TOMORROW")).containsEntry("status", "SCHEDULED");
        });
        assertThat(reminders(id).getString("find { it.reminder.kind == 'COURSE_STARTS_SOON' }.reminder.fireAt"))
                .isEqualTo("2027-01-27T06:00:00Z");

        clock.at(Instant.parse("2027-01-27T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "COURSE_STARTS_SOON") == 1);
        String soonId = NoticeLifecycleTest.thread(id, STAFF)
                .getString("entries.find { it.kind == 'COURSE_STARTS_SOON' }.messageId");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(soonId, app.applicantEmail) == 1);

        // the programme moves a week later: the «tomorrow» reminder moves with it
        app.application(new ProgrammeChanged(app.programmeId, "Функциональная грамотность", LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 2, 19), 36, List.of("Математика"), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                reminders(id).getList("findAll { it.reminder.kind == 'COURSE_STARTS_TOMORROW' }.status", String.class))
                .containsExactlyInAnyOrder("CANCELLED", "SCHEDULED"));

        // the service was down over the start: nothing about a course that has begun
        clock.at(Instant.parse("2027-02-09T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                reminders(id).getList("findAll { it.reminder.about == '2027-02-08' }.status", String.class))
                .containsOnly("EXPIRED"));
        assertThat(count(id, "COURSE_STARTS_TOMORROW")).isZero();
        assertThat(count(id, "COURSE_STARTS_SOON")).isEqualTo(1);
    }

    @Test
    void aProgrammeMovedAwayAndBackRemindsOnItsOriginalDayAgain() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new ContractOpened(id, app.contractTerms(), new BigDecimal("12000.00")));
        app.contract(new ContractConcluded(id, LocalDate.of(2026, 11, 23)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                reminders(id).getList("findAll { it.reminder.kind == 'COURSE_STARTS_TOMORROW' }.status", String.class))
                .containsExactly("SCHEDULED"));
        for (LocalDate start : List.of(LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 1))) {
            app.application(new ProgrammeChanged(app.programmeId, "Функциональная грамотность", start,
                    start.plusDays(11), 36, List.of("Математика"), new BigDecimal("12000.00"),
                    "https://lms.fioco.ru/course/view.php?id=42",
                    List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"))));
        }
        // the reminder for 1 February was cancelled by the move and is due again now that the course is back
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reminders(id).getString("find { it.reminder.about == '2027-02-01' "
                    + "&& it.reminder.kind == 'COURSE_STARTS_TOMORROW' }.status")).isEqualTo("SCHEDULED");
            assertThat(reminders(id).getString("find { it.reminder.about == '2027-02-08' "
                    + "&& it.reminder.kind == 'COURSE_STARTS_TOMORROW' }.status")).isEqualTo("CANCELLED");
        });
        clock.at(Instant.parse("2027-01-31T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "COURSE_STARTS_TOMORROW") == 1);
    }

    @Test
    void originalsAreRemindedTheDayBeforeAndReportedOverdueUnlessTheyArrive() {
        Lifecycle late = new Lifecycle(kafka).submitted();
        Lifecycle punctual = new Lifecycle(kafka).submitted();
        // due Friday 19 February 2027: reminded Thursday 18th, overdue on Monday 22nd
        late.contract(new SignedActAccepted(late.applicationId, LocalDate.of(2027, 2, 19), true));
        punctual.contract(new SignedActAccepted(punctual.applicationId, LocalDate.of(2027, 2, 19), true));
        punctual.contract(new OriginalsReceived(punctual.applicationId, LocalDate.of(2027, 2, 17)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reminder(late.applicationId, "ORIGINALS_OVERDUE")).containsEntry("status", "SCHEDULED");
            assertThat(reminder(punctual.applicationId, "ORIGINALS_OVERDUE")).containsEntry("status", "CANCELLED");
        });

        clock.at(Instant.parse("2027-02-18T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(late.applicationId, "ORIGINALS_DUE") == 1);
        assertThat(NoticeLifecycleTest.thread(late.applicationId, STAFF)
                .getString("entries.find { it.kind == 'ORIGINALS_DUE' }.text"))
                .contains("19.02.2027").contains("предварительному производственному календарю");
        clock.at(Instant.parse("2027-02-22T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(late.applicationId, "ORIGINALS_OVERDUE") == 1);
        assertThat(NoticeLifecycleTest.thread(late.applicationId, STAFF)
                .getList("entries.find { it.kind == 'ORIGINALS_OVERDUE' }.audience", String.class))
                .containsExactly("ORGANISATION", "INSTITUTE");
        assertThat(count(punctual.applicationId, "ORIGINALS_OVERDUE")).isZero();
        assertThat(count(punctual.applicationId, "ORIGINALS_DUE")).isZero();
    }

    @Test
    void theActSetsTheOriginalsDueAndOnlyTheWholeSetCancelsTheReminders() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new ServiceActIssued(id, "АКТ-2027-000001", LocalDate.of(2027, 2, 15), "d4",
                LocalDate.of(2027, 2, 18), false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminder(id, "ORIGINALS_OVERDUE"))
                .containsEntry("status", "SCHEDULED"));
        // one envelope of two: the reminders stay; the second completes the set and cancels them
        app.contract(new OriginalsReceived(id, LocalDate.of(2027, 2, 16), 2, 1, null, false));
        app.contract(new PaymentRecorded(id, "1", LocalDate.of(2027, 2, 16), BigDecimal.ONE, BigDecimal.ONE, false));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(reminder(id, "ORIGINALS_OVERDUE")).containsEntry("status", "SCHEDULED"));
        app.contract(new OriginalsReceived(id, LocalDate.of(2027, 2, 17), 0, 1, null, true));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminder(id, "ORIGINALS_OVERDUE"))
                .containsEntry("status", "CANCELLED"));
    }

    @Test
    void anInvoiceIsRemindedTheDayBeforeItIsDueAndReportedOverdueUntilPaidInFull() {
        Lifecycle unpaid = new Lifecycle(kafka).submitted();
        Lifecycle paid = new Lifecycle(kafka).submitted();
        // due Wednesday 3 February 2027: reminded on Tuesday 2nd, overdue on Thursday 4th
        for (Lifecycle app : List.of(unpaid, paid)) {
            app.contract(new InvoiceIssued(app.applicationId, "СЧ-2027-000001", new BigDecimal("12000.00"),
                    LocalDate.of(2027, 1, 27), "d3", LocalDate.of(2027, 2, 3), false));
        }
        paid.contract(new PaymentRecorded(paid.applicationId, "512", LocalDate.of(2027, 2, 1),
                new BigDecimal("12000.00"), new BigDecimal("12000.00"), true));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reminder(unpaid.applicationId, "PAYMENT_OVERDUE")).containsEntry("status", "SCHEDULED");
            assertThat(reminder(paid.applicationId, "PAYMENT_OVERDUE")).containsEntry("status", "CANCELLED");
        });
        clock.at(Instant.parse("2027-02-02T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(unpaid.applicationId, "PAYMENT_DUE_TOMORROW") == 1);
        assertThat(NoticeLifecycleTest.thread(unpaid.applicationId, STAFF)
                .getString("entries.find { it.kind == 'PAYMENT_DUE_TOMORROW' }.text")).contains("03.02.2027");
        clock.at(Instant.parse("2027-02-04T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(unpaid.applicationId, "PAYMENT_OVERDUE") == 1);
        assertThat(NoticeLifecycleTest.thread(unpaid.applicationId, STAFF)
                .getList("entries.find { it.kind == 'PAYMENT_OVERDUE' }.audience", String.class))
                .containsExactly("ORGANISATION", "INSTITUTE");
        assertThat(count(paid.applicationId, "PAYMENT_OVERDUE")).isZero();
        assertThat(count(paid.applicationId, "PAYMENT_DUE_TOMORROW")).isZero();
    }

    @Test
    void aCancelledContractIsAnnouncedToBothSides() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new ContractOpened(id, app.contractTerms(), new BigDecimal("12000.00")));
        app.application(new ApplicationWithdrawn(id, "Обучение перенесли", "representative"));
        app.contract(new ContractCancelled(id, LocalDate.of(2026, 11, 23), "Обучение перенесли"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "CONTRACT_CANCELLED") == 1);
        JsonPath thread = NoticeLifecycleTest.thread(id, STAFF);
        assertThat(thread.getList("entries.find { it.kind == 'CONTRACT_CANCELLED' }.audience", String.class))
                .containsExactly("ORGANISATION", "INSTITUTE");
        assertThat(thread.getString("entries.find { it.kind == 'CONTRACT_CANCELLED' }.text"))
                .contains("Доступ к курсу не открывается");
    }

    @Test
    void aTerminatedContractEndsItsRemindersAndTellsBothSidesWhatIsOwed() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        app.contract(new ContractOpened(id, app.contractTerms(), new BigDecimal("12000.00")));
        app.contract(new ContractConcluded(id, LocalDate.of(2026, 11, 23)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminder(id, "COURSE_STARTS_SOON"))
                .containsEntry("status", "SCHEDULED"));
        app.contract(new ContractTerminated(id, LocalDate.of(2026, 11, 23), "Соглашение сторон", new BigDecimal("6000.00")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminder(id, "COURSE_STARTS_SOON"))
                .containsEntry("status", "CANCELLED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "CONTRACT_TERMINATED") == 1);
        JsonPath thread = NoticeLifecycleTest.thread(id, STAFF);
        assertThat(thread.getString("entries.find { it.kind == 'CONTRACT_TERMINATED' }.text"))
                .contains("Соглашение сторон", "6 000,00 руб.", "23.11.2026");
        String noticeId = thread.getString("entries.find { it.kind == 'CONTRACT_TERMINATED' }.messageId");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(noticeId, app.applicantEmail) == 1);
        // a later change of the programme does not bring back the course reminders of an ended contract
        app.application(new ProgrammeChanged(app.programmeId, "Функциональная грамотность", LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 2, 19), 36, List.of("Математика"), new BigDecimal("12000.00"),
                "https://lms.fioco.ru/course/view.php?id=42", List.of(new Tutor("Иванова Мария Петровна", "tutor@fioco.ru"))));
        app.contract(new PaymentRecorded(id, "1", LocalDate.of(2026, 11, 23), BigDecimal.ONE, BigDecimal.ONE, false));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                reminders(id).getList("findAll { it.reminder.kind == 'COURSE_STARTS_SOON' }.status", String.class))
                .doesNotContain("SCHEDULED"));
    }

    @Test
    void aPaymentOrderFromTheSchoolIsAnnouncedToStaffOnlyOnce() {
        Lifecycle app = new Lifecycle(kafka).submitted();
        String id = app.applicationId;
        Lifecycle.Sent order = app.document(new DocumentUploaded(id, null, DocumentSlot.PAYMENT_ORDER, 1, "po1", 2048,
                "ab".repeat(32), "application/pdf", "пп-512.pdf", "representative"));
        app.document(new DocumentUploaded(id, null, DocumentSlot.SIGNED_ACT, 1, "act1", 2048, "cd".repeat(32),
                "application/pdf", "акт.pdf", "representative"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "PAYMENT_ORDER_UPLOADED") == 1);
        app.resend(List.of(order));
        JsonPath thread = NoticeLifecycleTest.thread(id, STAFF);
        assertThat(thread.getList("entries.find { it.kind == 'PAYMENT_ORDER_UPLOADED' }.audience", String.class))
                .containsExactly("INSTITUTE");
        String noticeId = thread.getString("entries.find { it.kind == 'PAYMENT_ORDER_UPLOADED' }.messageId");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(noticeId, "pk@fioco.ru") == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> count(id, "PAYMENT_ORDER_UPLOADED") == 1);
    }

    static JsonPath reminders(String applicationId) {
        return given().auth().oauth2(STAFF).when().get("/threads/" + applicationId + "/reminders")
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * The newest reminder of the kind, or none. (The embedded Mongo server can answer a find with a document missing
     * while another thread updates it; a reminder absent for one poll is an unmet condition, not an error.)
     */
    static Map<String, Object> reminder(String applicationId, String kind) {
        List<Map<String, Object>> found = reminders(applicationId)
                .getList("findAll { it.reminder.kind == '" + kind + "' }");
        return found == null || found.isEmpty() ? Map.of() : found.get(found.size() - 1);
    }

    static long count(String applicationId, String kind) {
        return NoticeLifecycleTest.thread(applicationId, STAFF).getList("entries.kind", String.class).stream()
                .filter(kind::equals).count();
    }

    static long mailsFor(String noticeId, String address) {
        return SharedTestStack.get().mail().countFor(address, "X-Training-Notice", noticeId);
    }
}
