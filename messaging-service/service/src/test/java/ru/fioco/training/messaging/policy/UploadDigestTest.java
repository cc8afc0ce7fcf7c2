package ru.fioco.training.messaging.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ApplicationDrafted;
import ru.fioco.training.application.api.ApplicationSubmitted;
import ru.fioco.training.application.api.ApplicationType;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.messaging.AdjustableClock;
import ru.fioco.training.messaging.Lifecycle;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Staff hear of uploads once per working day: at 09:00 Moscow time one mail to the institute's mailbox reports what
 * arrived before it and no earlier digest reported; a draft's uploads wait for the submission.
 */
@QuarkusTest
class UploadDigestTest {

    static final String STAFF_MAILBOX = "pk@fioco.ru";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AdjustableClock clock;

    @Inject
    ServiceDatabase database;

    @AfterEach
    void today() {
        clock.set(LocalDate.of(2026, 11, 23));
    }

    @Test
    void oneMailPerWorkingDayReportsWhatCameInAndADraftsUploadsWaitForTheSubmission() throws Exception {
        Lifecycle submitted = new Lifecycle(kafka).submitted();
        Lifecycle draft = new Lifecycle(kafka);
        draft.application(new ApplicationDrafted(draft.applicationId, draft.inn,
                ApplicationType.TRAINING, draft.form()));
        uploaded(submitted, "p1", DocumentSlot.SNILS, 1);
        uploaded(submitted, "p1", DocumentSlot.SNILS, 2);
        uploaded(submitted, "p1", DocumentSlot.PASSPORT, 1);
        uploaded(submitted, null, DocumentSlot.SIGNED_CONTRACT, 1);
        uploaded(draft, "p1", DocumentSlot.EDUCATION, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> noted(submitted.applicationId) == 4
                && noted(draft.applicationId) == 1);

        // the uploads came in today (the broker stamps them with the real time): the next working day reports them
        ProductionCalendar calendar = ProductionCalendar.official();
        LocalDate first = nextWorkingDayAfter(LocalDate.now(ProductionCalendar.MOSCOW), calendar);
        clock.at(at(first, LocalTime.of(8, 59)));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> digests(first) == 0);
        clock.at(at(first, LocalTime.of(9, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> digests(first) == 1);
        String text = digestText(first);
        // other tests of this JVM upload too: the count covers them, this application's line is exactly its own
        assertThat(text).containsPattern("документов, загруженных в кабинете и ещё не попавших в сводку, — \\d+")
                .contains("Заявка № " + submitted.number() + ", МБОУ «Школа № 1»: 4 — Паспорт, СНИЛС × 2, "
                        + "Подписанный договор")
                .doesNotContain("Документ об образовании")
                .doesNotContain("Петров"); // the digest names documents, not people
        // later passes of the same day send nothing more
        clock.at(at(first, LocalTime.of(17, 0)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> digests(first) == 1);

        // the draft is submitted: its upload is in the next working day's digest, and only it
        draft.application(new ApplicationSubmitted(draft.applicationId, draft.number(), Instant.now(),
                LocalDate.of(2026, 11, 26), false, draft.form()));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.collection("application_facts")
                .find(Filters.and(Filters.eq("_id", draft.applicationId), Filters.exists("number"))).first() != null);
        LocalDate second = nextWorkingDayAfter(first, calendar);
        clock.at(at(second, LocalTime.of(9, 30)));
        await().atMost(Duration.ofSeconds(20)).until(() -> digests(second) == 1);
        assertThat(digestText(second)).contains("Заявка № " + draft.number() + ", МБОУ «Школа № 1»: 1 — Документ об образовании")
                .doesNotContain(submitted.number());
    }

    private void uploaded(Lifecycle app, String participantId, DocumentSlot slot, int version) {
        app.document(new DocumentUploaded(app.applicationId, participantId, slot, version, UUID.randomUUID().toString(),
                1024, "ab".repeat(32), "application/pdf", "скан.pdf", "school@example.ru"));
    }

    private long noted(String applicationId) {
        return database.collection("upload_digest").countDocuments(Filters.eq("applicationId", applicationId));
    }

    private static LocalDate nextWorkingDayAfter(LocalDate day, ProductionCalendar calendar) {
        LocalDate next = day.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ProductionCalendar.MOSCOW).toInstant();
    }

    private static long digests(LocalDate day) {
        return SharedTestStack.get().mail().countFor(STAFF_MAILBOX, "X-Training-Notice", "uploads-digest|" + day);
    }

    private static String digestText(LocalDate day) throws MessagingException, IOException {
        List<MimeMessage> found = SharedTestStack.get().mail().receivedFor(STAFF_MAILBOX).stream().filter(m -> {
            try {
                String[] header = m.getHeader("X-Training-Notice");
                return header != null && header[0].equals("uploads-digest|" + day);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getSubject()).isEqualTo("ФИОКО: документы на проверку, сводка за "
                + String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
        return String.valueOf(found.get(0).getContent());
    }
}
