package ru.fioco.training.messaging.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.consuming.InboundEvent;

/**
 * Staff learn of new uploads from one mail per working day (§2: documents are reviewed within 3 working days),
 * never one per file. Each working day from {@value #DIGEST_HOUR}:00 Moscow time the digest reports what arrived
 * before that hour and no earlier digest reported; a draft's uploads wait until the application is submitted.
 * The mail's id is the day, and uploads are given their day before the mail is queued, so a crash between the two
 * neither loses an upload nor mails twice; an upload that arrives late (the topic lagged) goes into the next day's
 * digest.
 */
@ApplicationScoped
public class UploadDigestPolicy {

    static final int DIGEST_HOUR = 9;
    private static final int MOST_PER_PASS = 5_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One application's part of the digest. */
    public record Line(String applicationNumber, String organisationName, int uploads, String slots) {
    }

    @Inject
    UploadDigestBook book;

    @Inject
    StaffMailbox mailbox;

    @Inject
    ApplicationFacts facts;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    @Location("mail/uploads-digest.txt")
    Template digest;

    private final EventHandlers<DocumentEvent, InboundEvent<?>> documents =
            EventHandlers.<DocumentEvent, InboundEvent<?>>of(DocumentEvent.class, "messaging-service upload digest")
                    .handle(DocumentUploaded.class, this::noted)
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentAccepted.class,
                            DocumentRejected.class, DocumentDownloaded.class, ParticipantDocumentsAccepted.class,
                            ApplicationDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    public void onDocument(InboundEvent<DocumentEvent> event) {
        documents.handle(event.payload(), event);
    }

    private void noted(DocumentUploaded e, InboundEvent<?> event) {
        Instant arrived = event.time() == null ? clock.instant() : event.time().toInstant();
        book.note(new UploadDigestBook.Upload(e.documentId(), e.applicationId(), e.participantId(), e.slot(),
                e.version(), arrived));
    }

    /** @return whether today's digest was queued in this pass */
    public boolean queueDigestIfDue() {
        ZonedDateTime now = clock.instant().atZone(ProductionCalendar.MOSCOW);
        LocalDate day = now.toLocalDate();
        String mailId = "uploads-digest|" + day;
        if (now.getHour() < DIGEST_HOUR || !calendar.isWorkingDay(day) || mailbox.queued(mailId)) {
            return false;
        }
        Instant cutoff = day.atTime(LocalTime.of(DIGEST_HOUR, 0)).atZone(ProductionCalendar.MOSCOW).toInstant();
        List<String> submitted = book.unreported(cutoff, MOST_PER_PASS).stream()
                .filter(u -> facts.application(u.applicationId()).map(a -> a.number() != null).orElse(false))
                .map(UploadDigestBook.Upload::documentId).toList();
        book.report(submitted, day);
        List<UploadDigestBook.Upload> reported = book.reportedOn(day);
        if (reported.isEmpty()) {
            return false;
        }
        List<Line> lines = lines(reported);
        String subject = "ФИОКО: документы на проверку, сводка за " + DATE.format(day);
        mailbox.queue(mailId, subject, digest.data("day", DATE.format(day)).data("uploads", reported.size())
                .data("lines", lines).render());
        return true;
    }

    /** Per application, in its number's order: how many uploads and of which slots. */
    private List<Line> lines(List<UploadDigestBook.Upload> uploads) {
        Map<String, List<UploadDigestBook.Upload>> byApplication = new LinkedHashMap<>();
        uploads.forEach(u -> byApplication.computeIfAbsent(u.applicationId(), k -> new ArrayList<>()).add(u));
        TreeMap<String, Line> lines = new TreeMap<>();
        byApplication.forEach((applicationId, theirs) -> {
            ApplicationFacts.Application app = facts.application(applicationId).orElse(null);
            Map<DocumentSlot, Integer> slots = new TreeMap<>();
            theirs.forEach(u -> slots.merge(u.slot(), 1, Integer::sum));
            String named = String.join(", ", slots.entrySet().stream()
                    .map(s -> s.getKey().title() + (s.getValue() > 1 ? " × " + s.getValue() : "")).toList());
            String number = app == null || app.number() == null ? "без номера" : app.number();
            lines.put(number + "|" + applicationId, new Line(number, app == null ? null : app.organisationName(),
                    theirs.size(), named));
        });
        return List.copyOf(lines.values());
    }
}
