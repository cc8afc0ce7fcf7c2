package ru.fioco.training.messaging.infra;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.messaging.query.ApplicationFacts;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.consuming.InboundGate;
import ru.fioco.training.platform.json.PersonalText;

/**
 * Puts every notice that is to be e-mailed into the outbox: one mail per notice and address, the notice as data
 * (kind and parameters; rendered when sent). Its own tracking processor over the event store (the event store is
 * the outbox's source, so no notice is lost), never reset when read models are rebuilt, and it refuses replays: a
 * rebuild mails nobody.
 */
@ApplicationScoped
@ProcessingGroup(MailOutboxFeed.PROCESSING_GROUP)
public class MailOutboxFeed {

    public static final String PROCESSING_GROUP = "mail-outbox";

    @Inject
    MailOutbox outbox;

    @Inject
    ApplicationFacts facts;

    @Inject
    Clock clock;

    @Inject
    InboundGate gate;

    private final EventHandlers<ThreadEvent, Void> feed =
            EventHandlers.<ThreadEvent, Void>of(ThreadEvent.class, PROCESSING_GROUP)
                    .handle(NoticePosted.class, e -> enqueue(e.applicationId(), e.messageId(), e.mailTo(), e.kind(),
                            e.parameters(), null, null))
                    .handle(SystemNoticePosted.class, e -> enqueue(e.applicationId(), e.messageId(), e.mailTo(), null,
                            null, e.title(), e.text()))
                    .ignore(ThreadOpened.class, ApplicantContactChanged.class, MessagePosted.class, ThreadRead.class,
                            NoticeMailed.class, ThreadClosed.class)
                    .build();

    @EventHandler
    @DisallowReplay
    void on(ThreadEvent event) {
        feed.handle(event, null);
    }

    /** The mail names the application's number and organisation: read once their copy is complete. */
    private void enqueue(String applicationId, String messageId, List<String> mailTo, NoticeKind kind,
            NoticeParameters parameters, String legacySubject, String legacyText) {
        if (mailTo.isEmpty()) {
            return;
        }
        gate.whileComplete(() -> {
            ApplicationFacts.Application app = facts.application(applicationId).orElse(null);
            for (String to : mailTo) {
                // one mail per notice and address; the address in the id only as its blind index (personal data)
                outbox.enqueue(new MailOutbox.Mail(messageId + "|" + PersonalText.blindIndex(to), applicationId,
                        messageId, to, kind, parameters,
                        legacySubject, legacyText, app == null ? null : app.number(),
                        app == null ? null : app.organisationName(), 0), clock.instant());
            }
        });
    }
}
