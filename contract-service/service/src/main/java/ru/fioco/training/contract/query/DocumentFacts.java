package ru.fioco.training.contract.query;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.fioco.training.contract.domain.DocumentStatus;
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
import ru.fioco.training.platform.consuming.InboundEvent;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * What document-service said about an application's documents, kept from the {@code documents} topic:
 * the verdicts on the signed contract and consent, and whether every document is accepted (true from
 * «all documents accepted» until the next upload or rejection).
 */
@ApplicationScoped
public class DocumentFacts implements DocumentStatus {

    public static final String COLLECTION = "document_facts";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> facts;

    @PostConstruct
    void init() {
        facts = database.readModel(COLLECTION);
    }

    private final EventHandlers<DocumentEvent, Void> copies =
            EventHandlers.<DocumentEvent, Void>of(DocumentEvent.class, "contract-service document facts")
                    .handle(DocumentUploaded.class, u -> slotChanged(u.applicationId(), u.participantId(), u.slot(), null))
                    .handle(DocumentAccepted.class, a -> slotChanged(a.applicationId(), a.participantId(), a.slot(), true))
                    .handle(DocumentRejected.class, r -> slotChanged(r.applicationId(), r.participantId(), r.slot(), false))
                    .handle(ApplicationDocumentsAccepted.class, all -> allAccepted(all.applicationId()))
                    .ignore(DocumentFileOpened.class, ParticipantsFixed.class, DocumentDownloaded.class,
                            ParticipantDocumentsAccepted.class, UploadsClosed.class)
                    .build();

    /** Keeps the verdicts the conclusion waits for; a rebuild replays exactly this. */
    public void copy(InboundEvent<DocumentEvent> event) {
        copies.handle(event.payload(), null);
    }

    /** A new version awaits review ({@code accepted} null), or was accepted / rejected. */
    private void slotChanged(String applicationId, String participantId, DocumentSlot slot, Boolean accepted) {
        if (participantId == null && (slot == DocumentSlot.SIGNED_CONTRACT || slot == DocumentSlot.SIGNED_CONSENT)) {
            set(applicationId, slot.name(), Boolean.TRUE.equals(accepted));
        }
        if (!Boolean.TRUE.equals(accepted)) {
            set(applicationId, "allAccepted", false);
        }
    }

    private void allAccepted(String applicationId) {
        set(applicationId, "allAccepted", true);
    }

    private void set(String applicationId, String field, boolean value) {
        facts.updateOne(Filters.eq("_id", applicationId), Updates.set(field, value), new UpdateOptions().upsert(true));
    }

    @Override
    public Facts of(String applicationId) {
        Document d = facts.find(Filters.eq("_id", applicationId)).first();
        if (d == null) {
            return new Facts(false, false, false);
        }
        return new Facts(d.getBoolean(DocumentSlot.SIGNED_CONTRACT.name(), false),
                d.getBoolean(DocumentSlot.SIGNED_CONSENT.name(), false), d.getBoolean("allAccepted", false));
    }
}
