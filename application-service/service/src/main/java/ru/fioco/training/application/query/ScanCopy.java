package ru.fioco.training.application.query;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.fioco.training.application.domain.UploadedScans;
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
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * application-service's copy of which scans each participant has (collection {@value #COLLECTION}, fed by the
 * {@code documents} topic, rebuildable from it as {@code document-copy}): what a submission checks is there.
 * Adding a slot to a set is idempotent, so a redelivered upload changes nothing.
 */
@ApplicationScoped
public class ScanCopy implements UploadedScans {

    public static final String COLLECTION = "uploaded_scans";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> scans;

    @PostConstruct
    void init() {
        scans = database.readModel(COLLECTION);
    }

    private final EventHandlers<DocumentEvent, Void> copies =
            EventHandlers.<DocumentEvent, Void>of(DocumentEvent.class, "application-service scan copy")
                    .handle(DocumentUploaded.class, e -> scans.updateOne(Filters.eq("_id", e.applicationId()),
                            Updates.addToSet("slots", key(e.participantId(), e.slot())), new UpdateOptions().upsert(true)))
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentAccepted.class,
                            DocumentRejected.class, DocumentDownloaded.class, ParticipantDocumentsAccepted.class,
                            ApplicationDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    public void copy(DocumentEvent event) {
        copies.handle(event, null);
    }

    @Override
    public Map<String, Set<DocumentSlot>> of(String applicationId) {
        Document d = scans.find(Filters.eq("_id", applicationId)).first();
        Map<String, Set<DocumentSlot>> uploaded = new HashMap<>();
        if (d != null) {
            for (String key : d.getList("slots", String.class, List.of())) {
                int slash = key.lastIndexOf('/');
                uploaded.computeIfAbsent(key.substring(0, slash), k -> EnumSet.noneOf(DocumentSlot.class))
                        .add(DocumentSlot.valueOf(key.substring(slash + 1)));
            }
        }
        return uploaded;
    }

    private static String key(String participantId, DocumentSlot slot) {
        return (participantId == null ? "application" : participantId) + "/" + slot.name();
    }
}
