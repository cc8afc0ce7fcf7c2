package ru.fioco.training.document.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.config.Configurer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.domain.DocumentFile;
import ru.fioco.training.document.query.DocumentCabinet;
import ru.fioco.training.platform.axon.EventSourcingSetup;
import ru.fioco.training.platform.axon.Snapshots;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.publishing.SealedEventPublication;

/** document-service's aggregate, projection, publication and file store. */
@ApplicationScoped
public class DocumentEventSourcing extends SealedEventPublication implements EventSourcingSetup {

    public DocumentEventSourcing() {
        super(DocumentEvent.class, DocumentEvent.TOPIC, DocumentEvent.TYPE_PREFIX, "/document-service");
    }

    @Inject
    DocumentCabinet cabinet;

    @Inject
    ServiceDatabase database;

    @ConfigProperty(name = "platform.snapshots.every", defaultValue = "100")
    int snapshotEvery;

    @Override
    public void configure(Configurer configurer) {
        // long-lived and busy: loaded from a snapshot plus the events after it
        configurer.configureAggregate(Snapshots.every(snapshotEvery, DocumentFile.class));
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> cabinet));
    }

    /** Uploaded documents live in this service's own GridFS bucket. */
    @Produces
    @Singleton
    FileStore fileStore() {
        return new FileStore(database.client().getDatabase(database.name()), "documents");
    }
}
