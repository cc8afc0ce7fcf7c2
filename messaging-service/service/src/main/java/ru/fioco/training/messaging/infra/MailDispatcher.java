package ru.fioco.training.messaging.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.messaging.domain.ThreadCommands.RecordNoticeMailed;
import ru.fioco.training.messaging.query.NoticeTexts;

/**
 * Sends what the outbox holds over SMTP (Quarkus Mailer), from Russian Qute templates, and records each
 * accepted mail in the thread. A failure is retried later with a growing pause (up to an hour); a permanent
 * refusal, or {@value #MOST_ATTEMPTS} of them, sets the mail aside as failed for staff, never silently dropped. A crash after the server accepted a mail and before it was marked sent would send it again on
 * restart: the one duplicate SMTP cannot rule out; the {@code X-Training-Notice} header lets a mail client
 * recognise it.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /** About three days of hourly attempts after the first doublings: a mail still refused then is given up on. */
    static final int MOST_ATTEMPTS = 80;

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    CommandGateway commands;

    @Inject
    Clock clock;

    @Inject
    NoticeTexts notices;

    @Location("mail/notice.txt")
    Template text;

    @Location("mail/notice.html")
    Template html;

    @ConfigProperty(name = "messaging.cabinet-url")
    String cabinetUrl;

    /** @return how many mails the server accepted in this pass */
    public int sendDue() {
        return sendDue(() -> true);
    }

    /**
     * Sends the due mails while {@code stillHolding} (the pass's lease, renewed before each mail) says this replica
     * is the one sending.
     *
     * @return how many mails the server accepted in this pass
     */
    public int sendDue(BooleanSupplier stillHolding) {
        int sent = 0;
        for (MailOutbox.Mail mail : outbox.due(clock.instant(), 50)) {
            if (!stillHolding.getAsBoolean()) {
                break;
            }
            try {
                mailer.send(render(mail));
            } catch (RuntimeException e) {
                int attempts = mail.attempts() + 1;
                if (permanent(e) || attempts >= MOST_ATTEMPTS) {
                    outbox.givenUp(mail.id(), attempts, String.valueOf(e.getMessage()));
                    LOG.errorf("Mail %s to %s given up after %d attempts: %s (staff see it in /admin/mail/failed)",
                            mail.messageId(), mail.to(), attempts, e.getMessage());
                    continue;
                }
                Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
                if (pause.compareTo(LONGEST_RETRY) > 0) {
                    pause = LONGEST_RETRY;
                }
                outbox.failed(mail.id(), attempts, clock.instant().plus(pause), String.valueOf(e.getMessage()));
                LOG.warnf("Mail %s to the applicant not sent (attempt %d, next in %s): %s", mail.messageId(), attempts,
                        pause, e.getMessage());
                continue;
            }
            Instant at = clock.instant();
            outbox.sent(mail.id(), at);
            if (mail.applicationId() != null) {
                commands.sendAndWait(new RecordNoticeMailed(mail.applicationId(), mail.messageId(), mail.to(), at));
            }
            sent++;
        }
        return sent;
    }

    /**
     * The server refused for good: an SMTP 5xx reply (no such mailbox, relaying denied), whose retry would fail the
     * same; a 4xx or a connection failure is worth retrying.
     */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.strip().matches("(?s)5\\d\\d[ -].*")) {
                return true;
            }
        }
        return false;
    }

    /** The notice's own title and text, from its kind's template, the same as the thread shows it. */
    private Mail render(MailOutbox.Mail mail) {
        if (mail.applicationId() == null) {
            return Mail.withText(mail.to(), mail.subject(), mail.text()).addHeader("X-Training-Notice", mail.messageId());
        }
        NoticeTexts.Rendered notice = mail.kind() == null ? new NoticeTexts.Rendered(mail.subject(), mail.text())
                : notices.render(mail.kind(), mail.parameters(), false);
        String subject = "ФИОКО" + (mail.applicationNumber() == null ? "" : ", заявка № " + mail.applicationNumber())
                + ": " + notice.title();
        String plain = text.data("subject", notice.title()).data("text", notice.text())
                .data("applicationNumber", mail.applicationNumber()).data("organisationName", mail.organisationName())
                .data("cabinetUrl", cabinetUrl).render();
        String rich = html.data("subject", notice.title()).data("lines", Arrays.asList(notice.text().split("\n")))
                .data("applicationNumber", mail.applicationNumber()).data("organisationName", mail.organisationName())
                .data("cabinetUrl", cabinetUrl).render();
        return Mail.withText(mail.to(), subject, plain).setHtml(rich).addHeader("X-Training-Notice", mail.messageId());
    }
}
