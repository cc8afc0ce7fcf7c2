package ru.fioco.training.document.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;

import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentDownloaded;
import ru.fioco.training.document.api.DocumentEvent;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.SlotIndicator;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;

/**
 * The cabinet's view of an application's documents (seed 002, Рис. 5а): per participant and slot the
 * indicator ✔ / ✘ / ! / missing, the latest reason and every version; plus the download record for staff.
 * One document per application, rewritten whole on each event of it.
 */
@ApplicationScoped
@ProcessingGroup(DocumentCabinet.PROCESSING_GROUP)
public class DocumentCabinet implements RebuildableReadModel {

    public static final String PROCESSING_GROUP = "document-cabinet";

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of("document_files");
    }

    public record Version(int version, String documentId, long size, String sha256, String contentType,
            String fileName, String uploadedBy, Instant uploadedAt) {
    }

    public record SlotView(DocumentSlot slot, String title, boolean required, SlotIndicator indicator, String mark,
            String reason,
            List<Version> versions) {
    }

    public record ParticipantView(String participantId, String displayName, List<SlotView> slots) {
    }

    public record Download(String documentId, String participantId, DocumentSlot slot, int version, String by,
            String role, Instant at) {
    }

    /** The whole file of an application. */
    public record FileView(String applicationId, String organisationInn, boolean closed, boolean participantsFixed,
            List<ParticipantView> participants, List<SlotView> applicationSlots, List<Download> downloads) {
    }

    /** The mutable state behind a view, as stored. */
    static final class State {
        public String applicationId;
        public String organisationInn;
        public boolean closed;
        public boolean fixed;
        public List<ParticipantSlots> participants = new ArrayList<>();
        public Map<String, SlotState> slots = new LinkedHashMap<>();
        public List<Download> downloads = new ArrayList<>();
    }

    static final class SlotState {
        public List<Version> versions = new ArrayList<>();
        public Integer reviewedVersion;
        public Boolean accepted;
        public String reason;
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> files;

    @PostConstruct
    void init() {
        files = database.collection("document_files");
    }

    private final EventHandlers<DocumentEvent, Instant> projection =
            EventHandlers.<DocumentEvent, Instant>of(DocumentEvent.class, PROCESSING_GROUP)
                    .handle(DocumentFileOpened.class, this::opened)
                    .handle(ParticipantsFixed.class, e -> update(e.applicationId(), s -> {
                        s.participants = new ArrayList<>(e.participants());
                        s.fixed = e.fixed();
                    }))
                    .handle(UploadsClosed.class, e -> update(e.applicationId(), s -> s.closed = true))
                    .handle(DocumentUploaded.class, (e, at) -> update(e.applicationId(), s -> slot(s, e.participantId(),
                            e.slot()).versions.add(new Version(e.version(), e.documentId(), e.size(), e.sha256(),
                            e.contentType(), e.fileName(), e.uploadedBy(), at))))
                    .handle(DocumentAccepted.class, e -> update(e.applicationId(),
                            s -> verdict(slot(s, e.participantId(), e.slot()), e.version(), true, null)))
                    .handle(DocumentRejected.class, e -> update(e.applicationId(),
                            s -> verdict(slot(s, e.participantId(), e.slot()), e.version(), false, e.reason())))
                    .handle(DocumentDownloaded.class, (e, at) -> update(e.applicationId(), s -> s.downloads.add(
                            new Download(e.documentId(), e.participantId(), e.slot(), e.version(), e.downloadedBy(),
                                    e.downloadedByRole(), at))))
                    .ignore(ParticipantDocumentsAccepted.class, ApplicationDocumentsAccepted.class)
                    .build();

    @EventHandler
    void on(DocumentEvent event, @Timestamp Instant at) {
        projection.handle(event, at);
    }

    private void opened(DocumentFileOpened e) {
        State s = new State();
        s.applicationId = e.applicationId();
        s.organisationInn = e.organisationInn();
        s.participants = new ArrayList<>(e.participants());
        save(s);
    }

    private static void verdict(SlotState slot, int version, boolean accepted, String reason) {
        slot.reviewedVersion = version;
        slot.accepted = accepted;
        slot.reason = reason;
    }

    private static SlotState slot(State s, String participantId, DocumentSlot slot) {
        return s.slots.computeIfAbsent(key(participantId, slot), k -> new SlotState());
    }

    static String key(String participantId, DocumentSlot slot) {
        return (participantId == null ? "application" : participantId) + "/" + slot;
    }

    public Optional<FileView> find(String applicationId) {
        return load(applicationId).map(DocumentCabinet::view);
    }

    /** The version of a document by its id, with where it lies (participant, slot). */
    public Optional<Located> locate(String applicationId, String documentId) {
        return load(applicationId).flatMap(s -> s.slots.entrySet().stream()
                .flatMap(en -> en.getValue().versions.stream().filter(v -> v.documentId().equals(documentId))
                        .map(v -> new Located(s.organisationInn, participantOf(en.getKey()), slotOf(en.getKey()), v)))
                .findFirst());
    }

    /** A stored version and its place. */
    public record Located(String organisationInn, String participantId, DocumentSlot slot, Version version) {
    }

    private static String participantOf(String key) {
        String p = key.substring(0, key.indexOf('/'));
        return "application".equals(p) ? null : p;
    }

    private static DocumentSlot slotOf(String key) {
        return DocumentSlot.valueOf(key.substring(key.indexOf('/') + 1));
    }

    static FileView view(State s) {
        List<ParticipantView> participants = new ArrayList<>();
        for (ParticipantSlots p : s.participants) {
            List<SlotView> slots = new ArrayList<>();
            for (DocumentSlot slot : DocumentSlot.values()) {
                if (slot.perParticipant()) {
                    boolean required = slot != DocumentSlot.NAME_CHANGE || p.nameChangeRequired();
                    slots.add(slotView(slot, required, s.slots.get(key(p.participantId(), slot))));
                }
            }
            participants.add(new ParticipantView(p.participantId(), p.displayName(), slots));
        }
        List<SlotView> applicationSlots = new ArrayList<>();
        for (DocumentSlot slot : DocumentSlot.values()) {
            if (!slot.perParticipant()) {
                applicationSlots.add(slotView(slot, false, s.slots.get(key(null, slot))));
            }
        }
        return new FileView(s.applicationId, s.organisationInn, s.closed, s.fixed, participants, applicationSlots,
                List.copyOf(s.downloads));
    }

    static SlotView slotView(DocumentSlot slot, boolean required, SlotState state) {
        if (state == null || state.versions.isEmpty()) {
            return new SlotView(slot, slot.title(), required, SlotIndicator.MISSING, SlotIndicator.MISSING.mark(), null,
                    List.of());
        }
        SlotIndicator indicator = SlotIndicator.of(state.versions.get(state.versions.size() - 1).version(),
                state.reviewedVersion, state.accepted);
        return new SlotView(slot, slot.title(), required, indicator, indicator.mark(), state.reason,
                List.copyOf(state.versions));
    }

    private Optional<State> load(String applicationId) {
        Document d = files.find(Filters.eq("_id", applicationId)).first();
        if (d == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.mapper().readValue(d.getString("state"), State.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String applicationId, Consumer<State> change) {
        State s = load(applicationId).orElseThrow(() -> new IllegalStateException("no document file " + applicationId));
        change.accept(s);
        save(s);
    }

    private void save(State s) {
        try {
            files.replaceOne(Filters.eq("_id", s.applicationId),
                    new Document("_id", s.applicationId).append("organisationInn", s.organisationInn)
                            .append("state", EventJson.mapper().writeValueAsString(s)),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
