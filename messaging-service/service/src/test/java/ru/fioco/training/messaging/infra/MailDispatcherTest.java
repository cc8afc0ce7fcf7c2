package ru.fioco.training.messaging.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Variant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import ru.fioco.training.messaging.Templates;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.domain.ThreadCommands.RecordNoticeMailed;
import ru.fioco.training.messaging.query.NoticeTexts;
import ru.fioco.training.platform.testing.MovableClock;

/**
 * A mail the server refuses stays in the outbox and is tried again after a growing pause, never dropped;
 * once accepted it is marked sent and recorded in the thread, and not sent again.
 */
class MailDispatcherTest {

    static final Instant NOON = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aRefusedMailIsRetriedLaterUntilTheServerTakesItThenRecordedOnce() {
        FakeOutbox outbox = new FakeOutbox();
        outbox.add(new MailOutbox.Mail("n1|anna@school.ru", "app-1", "n1", "anna@school.ru", NoticeKind.INVOICE_ISSUED,
                NoticeParameters.builder().documentNumber("СЧ-2026-000001").date(LocalDate.of(2026, 11, 20))
                        .amount(new BigDecimal("12000.00")).build(), null, null, "000-000001", "МБОУ «Школа № 1»", 0),
                NOON);
        AtomicInteger refusals = new AtomicInteger(2);
        List<Mail> accepted = new ArrayList<>();
        List<Object> commands = new ArrayList<>();
        MovableClock clock = new MovableClock();
        clock.at(NOON);
        MailDispatcher dispatcher = dispatcher(outbox, mails -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("451 Temporary local problem");
            }
            accepted.addAll(List.of(mails));
        }, commands, clock);

        assertThat(dispatcher.sendDue()).isZero();
        assertThat(outbox.attempts("n1|anna@school.ru")).isEqualTo(1);
        assertThat(outbox.nextAttempt("n1|anna@school.ru")).isEqualTo(NOON.plusSeconds(10));
        assertThat(dispatcher.sendDue()).as("not before its next attempt").isZero();

        clock.at(NOON.plusSeconds(10));
        assertThat(dispatcher.sendDue()).isZero();
        assertThat(outbox.nextAttempt("n1|anna@school.ru")).as("the pause doubles").isEqualTo(NOON.plusSeconds(30));

        clock.at(NOON.plusSeconds(30));
        assertThat(dispatcher.sendDue()).isEqualTo(1);
        assertThat(accepted).hasSize(1);
        Mail mail = accepted.get(0);
        assertThat(mail.getTo()).containsExactly("anna@school.ru");
        // the notice's own title and text, from its kind's template, as the thread shows it
        assertThat(mail.getSubject()).isEqualTo("ФИОКО, заявка № 000-000001: Выставлен счёт № СЧ-2026-000001");
        assertThat(mail.getText()).contains("Заявка № 000-000001, МБОУ «Школа № 1»")
                .contains("Счёт № СЧ-2026-000001 от 20.11.2026 на сумму 12 000,00 руб. (без НДС)")
                .contains("https://pk.fioco.ru");
        assertThat(mail.getHtml()).contains("<p style=\"margin: 0 0 8px 0;\">Счёт № СЧ-2026-000001 от 20.11.2026");
        assertThat(mail.getHeaders()).containsEntry("X-Training-Notice", List.of("n1"));
        assertThat(commands).containsExactly(new RecordNoticeMailed("app-1", "n1", "anna@school.ru", NOON.plusSeconds(30)));

        clock.at(NOON.plusSeconds(3600));
        assertThat(dispatcher.sendDue()).as("sent once").isZero();
        assertThat(accepted).hasSize(1);
    }

    @Test
    void aMailboxThatDoesNotExistIsGivenUpAtOnceAndATemporaryRefusalAfterDaysOfTries() {
        FakeOutbox outbox = new FakeOutbox();
        MovableClock clock = new MovableClock();
        clock.at(NOON);
        for (String to : List.of("nobody@school.ru", "busy@school.ru")) {
            outbox.add(new MailOutbox.Mail("n1|" + to, "app-1", "n1", to, NoticeKind.INVOICE_ISSUED,
                    NoticeParameters.builder().documentNumber("СЧ-2026-000001").build(), null, null, "000-000001",
                    "МБОУ «Школа № 1»", 0), NOON);
        }
        MailDispatcher dispatcher = dispatcher(outbox, mails -> {
            String to = mails[0].getTo().get(0);
            throw new IllegalStateException("sending failed", new IllegalStateException(to.startsWith("nobody")
                    ? "550 5.1.1 <nobody@school.ru>: Recipient address rejected: User unknown"
                    : "451 4.3.0 Temporary local problem"));
        }, new ArrayList<>(), clock);

        dispatcher.sendDue();
        assertThat(outbox.status("n1|nobody@school.ru")).as("a 5xx is final").isEqualTo("FAILED");
        assertThat(outbox.status("n1|busy@school.ru")).isEqualTo("PENDING");
        for (int i = 1; i < MailDispatcher.MOST_ATTEMPTS; i++) {
            clock.at(outbox.nextAttempt("n1|busy@school.ru"));
            dispatcher.sendDue();
        }
        assertThat(outbox.status("n1|busy@school.ru")).as("given up after days of 4xx").isEqualTo("FAILED");
        assertThat(outbox.attempts("n1|busy@school.ru")).isEqualTo(MailDispatcher.MOST_ATTEMPTS);
        assertThat(Duration.between(NOON, clock.instant())).as("about three days of tries").isGreaterThan(Duration.ofDays(2));
    }

    @Test
    void theHtmlEscapesWhatPeopleWrote() {
        FakeOutbox outbox = new FakeOutbox();
        outbox.add(new MailOutbox.Mail("n2|a@b.ru", "app-1", "n2", "a@b.ru", NoticeKind.APPLICATION_RETURNED,
                NoticeParameters.builder().reason("<script>alert(1)</script>").build(), null, null, null, null, 0), NOON);
        List<Mail> accepted = new ArrayList<>();
        MovableClock clock = new MovableClock();
        clock.at(NOON);
        dispatcher(outbox, mails -> accepted.addAll(List.of(mails)), new ArrayList<>(), clock).sendDue();
        assertThat(accepted.get(0).getHtml()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(accepted.get(0).getSubject()).isEqualTo("ФИОКО: Заявка возвращена на доработку");
    }

    @Test
    void aNoticeStoredBeforeNoticesWereDataIsMailedAsItWasWritten() {
        FakeOutbox outbox = new FakeOutbox();
        outbox.add(new MailOutbox.Mail("n3|a@b.ru", "app-1", "n3", "a@b.ru", null, null, "Счёт № 1",
                "Счёт на 12 000,00 руб.", "000-000001", null, 0), NOON);
        List<Mail> accepted = new ArrayList<>();
        MovableClock clock = new MovableClock();
        clock.at(NOON);
        dispatcher(outbox, mails -> accepted.addAll(List.of(mails)), new ArrayList<>(), clock).sendDue();
        assertThat(accepted.get(0).getSubject()).isEqualTo("ФИОКО, заявка № 000-000001: Счёт № 1");
        assertThat(accepted.get(0).getText()).contains("Счёт на 12 000,00 руб.");
    }

    interface Send {
        void send(Mail... mails);
    }

    static MailDispatcher dispatcher(FakeOutbox outbox, Send send, List<Object> commands, MovableClock clock) {
        MailDispatcher d = new MailDispatcher();
        d.outbox = outbox;
        d.mailer = new Mailer() {
            @Override
            public void send(Mail... mails) {
                send.send(mails);
            }
        };
        d.commands = (CommandGateway) Proxy.newProxyInstance(CommandGateway.class.getClassLoader(),
                new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendAndWait")) {
                        commands.add(args[0]);
                    }
                    return null;
                });
        d.clock = clock;
        // as Quarkus configures Qute: what goes into an .html template is escaped
        Engine engine = Templates.engine();
        d.text = engine.parse(Templates.read("templates/mail/notice.txt"));
        d.html = engine.parse(Templates.read("templates/mail/notice.html"), Variant.forContentType("text/html"));
        d.notices = NoticeTexts.with(engine);
        d.cabinetUrl = "https://pk.fioco.ru";
        return d;
    }

    /** The outbox's contract, in memory. */
    static final class FakeOutbox extends MailOutbox {

        private final Map<String, Object[]> entries = new LinkedHashMap<>(); // mail, status, attempts, next

        void add(Mail mail, Instant now) {
            enqueue(mail, now);
        }

        @Override
        public void enqueue(Mail mail, Instant now) {
            entries.putIfAbsent(mail.id(), new Object[] {mail, "PENDING", 0, now});
        }

        @Override
        public List<Mail> due(Instant now, int limit) {
            return entries.values().stream().filter(e -> "PENDING".equals(e[1]) && !((Instant) e[3]).isAfter(now))
                    .map(e -> {
                        Mail m = (Mail) e[0];
                        return new Mail(m.id(), m.applicationId(), m.messageId(), m.to(), m.kind(), m.parameters(),
                                m.subject(), m.text(), m.applicationNumber(), m.organisationName(), (int) e[2]);
                    }).limit(limit).toList();
        }

        @Override
        public void sent(String id, Instant at) {
            entries.get(id)[1] = "SENT";
        }

        @Override
        public void failed(String id, int attempts, Instant nextAttemptAt, String error) {
            entries.get(id)[2] = attempts;
            entries.get(id)[3] = nextAttemptAt;
        }

        @Override
        public void givenUp(String id, int attempts, String error) {
            entries.get(id)[1] = "FAILED";
            entries.get(id)[2] = attempts;
        }

        String status(String id) {
            return (String) entries.get(id)[1];
        }

        int attempts(String id) {
            return (int) entries.get(id)[2];
        }

        Instant nextAttempt(String id) {
            return (Instant) entries.get(id)[3];
        }
    }
}
