package ru.fioco.training.document.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
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
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;

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
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.json.PersonalText;
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
        return List.of("document_files", REVIEW_QUEUE, DOWNLOADS);
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

    /**
     * A version awaiting review, for the staff's queue «документы на проверке»: due 3 working days after it came
     * in, or after the submission for what was uploaded with the draft; {@code reviewDueDate} null while the
     * application is a draft (nobody reviews a draft).
     */
    public record Awaiting(String applicationId, String organisationInn, String participantId, String displayName,
            DocumentSlot slot, String slotTitle, int version, Instant uploadedAt, LocalDate reviewDueDate,
            boolean provisional, boolean overdue) {
    }

    /** A page of the queue, with the total for the pager. */
    public record Queue(List<Awaiting> items, long total, int page, int size) {
    }

    /** The institute reviews an uploaded document within this many working days. */
    public static final int REVIEW_WORKING_DAYS = 3;
    static final String REVIEW_QUEUE = "review_queue";
    /** One document per download: a file's record of them never grows (Mongo's 16 MB per document). */
    static final String DOWNLOADS = "document_downloads";
    /** The most a file's view lists; staff ask {@link #downloads} for the whole record. */
    static final int DOWNLOADS_IN_VIEW = 1000;

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
    }

    static final class SlotState {
        public List<Version> versions = new ArrayList<>();
        public Integer reviewedVersion;
        public Boolean accepted;
        public String reason;
    }

    @Inject
    ServiceDatabase database;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    private MongoCollection<Document> files;
    private MongoCollection<Document> queue;
    private MongoCollection<Document> downloadRecords;

    @PostConstruct
    void init() {
        files = database.readModel("document_files");
        queue = database.readModel(REVIEW_QUEUE);
        downloadRecords = database.readModel(DOWNLOADS);
    }

    private final EventHandlers<DocumentEvent, Instant> projection =
            EventHandlers.<DocumentEvent, Instant>of(DocumentEvent.class, PROCESSING_GROUP)
                    .handle(DocumentFileOpened.class, this::opened)
                    .handle(ParticipantsFixed.class, (e, at) -> {
                        State s = update(e.applicationId(), state -> {
                            state.participants = new ArrayList<>(e.participants());
                            state.fixed = e.fixed();
                        });
                        participantsChanged(s, at);
                    })
                    .handle(UploadsClosed.class, e -> {
                        update(e.applicationId(), s -> s.closed = true);
                        queue.deleteMany(Filters.eq("applicationId", e.applicationId()));
                    })
                    .handle(DocumentUploaded.class, (e, at) -> {
                        State s = update(e.applicationId(), state -> slot(state, e.participantId(), e.slot()).versions.add(
                                new Version(e.version(), e.documentId(), e.size(), e.sha256(), e.contentType(),
                                        e.fileName(), e.uploadedBy(), at)));
                        awaits(s, e, at);
                    })
                    .handle(DocumentAccepted.class, e -> {
                        update(e.applicationId(), s -> verdict(slot(s, e.participantId(), e.slot()), e.version(), true, null));
                        reviewed(e.applicationId(), e.participantId(), e.slot(), e.version());
                    })
                    .handle(DocumentRejected.class, e -> {
                        update(e.applicationId(), s -> verdict(slot(s, e.participantId(), e.slot()), e.version(), false,
                                e.reason()));
                        reviewed(e.applicationId(), e.participantId(), e.slot(), e.version());
                    })
                    .handle(DocumentDownloaded.class, this::downloaded)
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

    /** The new version awaits review: due 3 working days after today, once the application is submitted. */
    private void awaits(State s, DocumentUploaded e, Instant at) {
        Deadline due = s.fixed ? calendar.endOfWorkingDaysAfter(day(at), REVIEW_WORKING_DAYS) : null;
        queue.replaceOne(Filters.eq("_id", key(e.applicationId() + "/" + e.participantId(), e.slot())),
                new Document("applicationId", e.applicationId()).append("organisationInn", s.organisationInn)
                        .append("participantId", e.participantId()).append("displayName", displayName(s, e.participantId()))
                        .append("slot", e.slot().name()).append("version", e.version()).append("uploadedAt", Date.from(at))
                        .append("reviewDueDate", due == null ? null : due.date().toString())
                        .append("provisional", due != null && due.provisional()),
                new ReplaceOptions().upsert(true));
    }

    private void reviewed(String applicationId, String participantId, DocumentSlot slot, int version) {
        queue.deleteOne(Filters.and(Filters.eq("_id", key(applicationId + "/" + participantId, slot)),
                Filters.eq("version", version)));
    }

    /**
     * Submitted: what waits gets its due date, counted from the submission; returned to a draft: nobody reviews
     * it until it comes back; removed participants take their waiting versions along; names follow corrections.
     */
    private void participantsChanged(State s, Instant at) {
        Deadline due = s.fixed ? calendar.endOfWorkingDaysAfter(day(at), REVIEW_WORKING_DAYS) : null;
        for (Document waiting : queue.find(Filters.eq("applicationId", s.applicationId)).into(new ArrayList<>())) {
            String participantId = waiting.getString("participantId");
            if (participantId != null && s.participants.stream().noneMatch(p -> p.participantId().equals(participantId))) {
                queue.deleteOne(Filters.eq("_id", waiting.get("_id")));
                continue;
            }
            List<Bson> changes = new ArrayList<>(List.of(Updates.set("displayName", displayName(s, participantId))));
            if (due == null) {
                changes.add(Updates.set("reviewDueDate", null));
            } else if (waiting.getString("reviewDueDate") == null) {
                changes.add(Updates.set("reviewDueDate", due.date().toString()));
                changes.add(Updates.set("provisional", due.provisional()));
            }
            queue.updateOne(Filters.eq("_id", waiting.get("_id")), Updates.combine(changes));
        }
    }

    /** The participant's name for the review queue, under the participant's key. */
    private static String displayName(State s, String participantId) {
        return participantId == null ? null : s.participants.stream().filter(p -> p.participantId().equals(participantId))
                .map(ParticipantSlots::displayName).findFirst()
                .map(name -> PersonalText.seal("participant:" + participantId, name)).orElse(null);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ProductionCalendar.MOSCOW).toLocalDate();
    }

    /** The versions awaiting review in submitted applications, the earliest due (the overdue) first. */
    public Queue reviewQueue(int page, int size) {
        Bson waiting = Filters.ne("reviewDueDate", null);
        long total = queue.countDocuments(waiting);
        LocalDate today = ProductionCalendar.today(clock);
        List<Awaiting> items = queue.find(waiting).sort(Sorts.ascending("reviewDueDate", "uploadedAt"))
                .skip(page * size).limit(size).map(d -> {
                    DocumentSlot slot = DocumentSlot.valueOf(d.getString("slot"));
                    LocalDate due = LocalDate.parse(d.getString("reviewDueDate"));
                    return new Awaiting(d.getString("applicationId"), d.getString("organisationInn"),
                            d.getString("participantId"), PersonalText.open(d.getString("displayName")), slot, slot.title(),
                            d.getInteger("version"), d.getDate("uploadedAt").toInstant(), due,
                            d.getBoolean("provisional", false), today.isAfter(due));
                }).into(new ArrayList<>());
        return new Queue(items, total, page, size);
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
        return load(applicationId).map(s -> view(s, downloads(applicationId, DOWNLOADS_IN_VIEW)));
    }

    /** The downloads of an application's files, oldest first, at most {@code limit}. */
    public List<Download> downloads(String applicationId, int limit) {
        List<Download> found = new ArrayList<>();
        for (Document d : downloadRecords.find(Filters.eq("applicationId", applicationId)).sort(new Document("at", 1)
                .append("_id", 1)).limit(limit)) {
            found.add(new Download(d.getString("documentId"), d.getString("participantId"),
                    DocumentSlot.valueOf(d.getString("slot")), d.getInteger("version"), d.getString("by"),
                    d.getString("role"), d.getDate("at").toInstant()));
        }
        return found;
    }

    /** Keyed by what it records, so a handler run twice (a retry, a rebuild) records it once. */
    private void downloaded(DocumentDownloaded e, Instant at) {
        String id = e.applicationId() + "|" + e.documentId() + "|" + e.downloadedBy() + "|" + at.toEpochMilli();
        downloadRecords.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("applicationId", e.applicationId())
                .append("documentId", e.documentId()).append("participantId", e.participantId())
                .append("slot", e.slot().name()).append("version", e.version()).append("by", e.downloadedBy())
                .append("role", e.downloadedByRole()).append("at", Date.from(at)), new ReplaceOptions().upsert(true));
    }

    static FileView view(State s, List<Download> downloadsOfFile) {
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
                List.copyOf(downloadsOfFile));
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

    private State update(String applicationId, Consumer<State> change) {
        State s = load(applicationId).orElseThrow(() -> new IllegalStateException("no document file " + applicationId));
        change.accept(s);
        save(s);
        return s;
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
