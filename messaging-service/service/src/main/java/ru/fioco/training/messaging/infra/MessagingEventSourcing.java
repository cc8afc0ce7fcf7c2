package ru.fioco.training.messaging.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.config.Configurer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.domain.MessageThread;
import ru.fioco.training.messaging.query.ThreadBoard;
import ru.fioco.training.platform.axon.EventSourcingSetup;
import ru.fioco.training.platform.axon.Snapshots;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.publishing.SealedEventPublication;

/**
 * messaging-service's aggregate, its two processors (the board, a read model that may be rebuilt; the mail
 * outbox, a side effect that never is), its publication on {@code messages} and its attachment store.
 */
@ApplicationScoped
public class MessagingEventSourcing extends SealedEventPublication implements EventSourcingSetup {

    public MessagingEventSourcing() {
        super(ThreadEvent.class, ThreadEvent.TOPIC, ThreadEvent.TYPE_PREFIX, "/messaging-service");
    }

    @Inject
    ThreadBoard board;

    @Inject
    MailOutboxFeed mailing;

    @Inject
    ServiceDatabase database;

    @ConfigProperty(name = "platform.snapshots.every", defaultValue = "100")
    int snapshotEvery;

    @Override
    public void configure(Configurer configurer) {
        // long-lived and busy: loaded from a snapshot plus the events after it
        configurer.configureAggregate(Snapshots.every(snapshotEvery, MessageThread.class));
        configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> board)
                .registerEventHandler(c -> mailing));
    }

    /** Chat attachments live in this service's own GridFS bucket. */
    @Produces
    @Singleton
    FileStore fileStore() {
        return new FileStore(database.client().getDatabase(database.name()), "attachments");
    }
}
