package ru.fioco.training.messaging.infra;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.consuming.InboundGate;

/**
 * Puts every notice that is to be e-mailed into the outbox. Its own tracking processor over the event
 * store (the event store is the outbox's source, so no notice is lost), never reset when read models are
 * rebuilt, and it refuses replays: a rebuild mails nobody.
 */
@ApplicationScoped
@ProcessingGroup(MailingPolicy.PROCESSING_GROUP)
public class MailingPolicy {

    public static final String PROCESSING_GROUP = "mail-outbox";

    @Inject
    MailOutbox outbox;

    @Inject
    ApplicationFacts facts;

    @Inject
    Clock clock;

    @Inject
    InboundGate gate;

    @EventHandler
    @DisallowReplay
    void on(SystemNoticePosted e) {
        if (e.mailTo().isEmpty()) {
            return;
        }
        gate.whileComplete(() -> enqueue(e));
    }

    /** The mail names the application's number and organisation: read once their copy is complete. */
    private void enqueue(SystemNoticePosted e) {
        ApplicationFacts.Application app = facts.application(e.applicationId()).orElse(null);
        for (String to : e.mailTo()) {
            outbox.enqueue(new MailOutbox.Mail(e.messageId() + "|" + to, e.applicationId(), e.messageId(), to, e.title(),
                    e.text(), app == null ? null : app.number(), app == null ? null : app.organisationName(), 0),
                    clock.instant());
        }
    }
}
