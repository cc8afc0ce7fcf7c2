package ru.fioco.training.messaging.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.messaging.api.ApplicantContactChanged;
import ru.fioco.training.messaging.api.MessagePosted;
import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeMailed;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.api.NoticePosted;
import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.messaging.api.SystemNoticePosted;
import ru.fioco.training.messaging.api.ThreadClosed;
import ru.fioco.training.messaging.api.ThreadEvent;
import ru.fioco.training.messaging.api.ThreadOpened;
import ru.fioco.training.messaging.api.ThreadRead;
import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.json.PersonalText;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.rebuild.RebuildableReadModel;

/**
 * The threads as the cabinet shows them: per application its status, read marks and unread counters per
 * side («вопросы/ответы (N непрочитанных)»), and its messages and notices in thread order. Every write is
 * an idempotent upsert keyed by the thread or the message, so a replay of the event store rebuilds it.
 */
@ApplicationScoped
@ProcessingGroup(ThreadBoard.PROCESSING_GROUP)
public class ThreadBoard implements RebuildableReadModel {

    public static final String PROCESSING_GROUP = "thread-board";

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of("threads", "thread_messages");
    }

    /** A thread in a list. {@code unread} is for the side asking. */
    public record ThreadSummary(String applicationId, String applicationNumber, String organisationInn,
            String organisationName, boolean closed, long messages, long unreadForOrganisation, long unreadForInstitute,
            Instant lastMessageAt) {
    }

    /**
     * A message or a notice. {@code side} is the author's side; null for a notice, which names its audience. A
     * notice is data ({@code kind}, {@code parameters}); one stored before notices were data has its {@code title}
     * and {@code text} written out instead.
     */
    public record Entry(String messageId, long sequence, String type, Side side, String authorId, String text,
            List<Attachment> attachments, NoticeKind kind, NoticeParameters parameters, String title,
            List<Side> audience, Instant postedAt, List<String> mailedTo) {
    }

    public record Attachment(String attachmentId, String fileName, String contentType, long size, String sha256) {
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> threads;
    private MongoCollection<Document> messages;

    @PostConstruct
    void init() {
        threads = database.readModel("threads");
        messages = database.readModel("thread_messages");
    }

    private final EventHandlers<ThreadEvent, Void> projection =
            EventHandlers.<ThreadEvent, Void>of(ThreadEvent.class, PROCESSING_GROUP)
                    .handle(ThreadOpened.class, this::opened)
                    .handle(MessagePosted.class, this::messagePosted)
                    .handle(NoticePosted.class, e -> notice(e.applicationId(), e.messageId(), e.sequence(), e.kind(),
                            e.audience(), e.postedAt(), new Document("parameters", json(e.applicationId(), e.parameters()))))
                    .handle(SystemNoticePosted.class, e -> notice(e.applicationId(), e.messageId(), e.sequence(),
                            e.kind(), e.audience(), e.postedAt(), new Document("title", e.title()).append("text", e.text())))
                    // each address once, known by its blind index; the address itself under the applicant's key
                    .handle(NoticeMailed.class, e -> messages.updateOne(Filters.and(Filters.eq("_id", e.messageId()),
                            Filters.ne("mailedToIndex", PersonalText.blindIndex(e.to()))), Updates.combine(
                            Updates.push("mailedTo", PersonalText.seal("applicant:" + e.applicationId(), e.to())),
                            Updates.push("mailedToIndex", PersonalText.blindIndex(e.to())))))
                    .handle(ThreadRead.class, e -> threads.updateOne(Filters.eq("_id", e.applicationId()),
                            Updates.combine(Updates.set("readUpTo." + e.side().name(), e.upToSequence()),
                                    Updates.set("unread." + e.side().name(),
                                            countUnread(e.applicationId(), e.side(), e.upToSequence())))))
                    .handle(ThreadClosed.class, e -> threads.updateOne(Filters.eq("_id", e.applicationId()),
                            Updates.set("closed", true)))
                    .ignore(ApplicantContactChanged.class)
                    .build();

    @EventHandler
    void on(ThreadEvent event) {
        projection.handle(event, null);
    }

    private void opened(ThreadOpened e) {
        threads.updateOne(Filters.eq("_id", e.applicationId()), Updates.combine(
                Updates.set("applicationNumber", e.applicationNumber()),
                Updates.set("organisationInn", e.organisationInn()),
                Updates.set("organisationName", e.organisationName()),
                Updates.set("programmeId", e.programmeId()),
                Updates.set("closed", false),
                Updates.setOnInsert("lastSequence", 0L),
                Updates.setOnInsert("readUpTo", new Document(Side.ORGANISATION.name(), 0L).append(Side.INSTITUTE.name(), 0L)),
                Updates.setOnInsert("unread", new Document(Side.ORGANISATION.name(), 0L).append(Side.INSTITUTE.name(), 0L))),
                new UpdateOptions().upsert(true));
    }

    private void messagePosted(MessagePosted e) {
        messages.replaceOne(Filters.eq("_id", e.messageId()), new Document("_id", e.messageId())
                .append("applicationId", e.applicationId())
                .append("sequence", e.sequence())
                .append("type", "MESSAGE")
                .append("side", e.side().name())
                .append("authorId", e.authorId())
                .append("text", e.text())
                .append("attachments", e.attachments().stream().map(a -> new Document("attachmentId", a.attachmentId())
                        .append("fileName", a.fileName()).append("contentType", a.contentType()).append("size", a.size())
                        .append("sha256", a.sha256())).toList())
                .append("postedAt", Date.from(e.postedAt())), new ReplaceOptions().upsert(true));
        Side reader = e.side() == Side.ORGANISATION ? Side.INSTITUTE : Side.ORGANISATION;
        posted(e.applicationId(), e.sequence(), e.postedAt(), List.of(reader));
    }

    /** A notice as data, or (stored before notices were data) with its title and text written out. */
    private void notice(String applicationId, String messageId, long sequence, NoticeKind kind, List<Side> audience,
            Instant postedAt, Document content) {
        Document notice = new Document("_id", messageId)
                .append("applicationId", applicationId)
                .append("sequence", sequence)
                .append("type", "NOTICE")
                .append("kind", kind.name())
                .append("audience", audience.stream().map(Enum::name).toList())
                .append("postedAt", Date.from(postedAt))
                .append("mailedTo", List.of());
        notice.putAll(content);
        messages.replaceOne(Filters.eq("_id", messageId), notice, new ReplaceOptions().upsert(true));
        posted(applicationId, sequence, postedAt, audience);
    }

    private static String json(String applicationId, NoticeParameters parameters) {
        try {
            return EventJson.writerAround(applicationId).writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counters are recounted from the messages, not incremented: a replayed event cannot count twice. */
    private void posted(String applicationId, long sequence, Instant at, List<Side> readers) {
        Document thread = threads.find(Filters.eq("_id", applicationId)).first();
        Document readUpTo = thread == null ? null : thread.get("readUpTo", Document.class);
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.max("lastSequence", sequence));
        updates.add(Updates.max("lastMessageAt", Date.from(at)));
        for (Side side : readers) {
            long read = readUpTo == null ? 0L : ((Number) readUpTo.getOrDefault(side.name(), 0L)).longValue();
            updates.add(Updates.set("unread." + side.name(), countUnread(applicationId, side, read)));
        }
        threads.updateOne(Filters.eq("_id", applicationId), Updates.combine(updates));
    }

    private long countUnread(String applicationId, Side side, long readUpTo) {
        return messages.countDocuments(Filters.and(Filters.eq("applicationId", applicationId),
                Filters.gt("sequence", readUpTo),
                Filters.or(Filters.and(Filters.eq("type", "MESSAGE"), Filters.ne("side", side.name())),
                        Filters.and(Filters.eq("type", "NOTICE"), Filters.eq("audience", side.name())))));
    }

    // ---------------------------------------------------------------- queries

    public Optional<ThreadSummary> thread(String applicationId) {
        return Optional.ofNullable(threads.find(Filters.eq("_id", applicationId)).first()).map(ThreadBoard::summary);
    }

    /** Threads, newest activity first; {@code organisationInn} null: every organisation. */
    public List<ThreadSummary> threads(String organisationInn, Side unreadFor, int offset, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (organisationInn != null) {
            filters.add(Filters.eq("organisationInn", organisationInn));
        }
        if (unreadFor != null) {
            filters.add(Filters.gt("unread." + unreadFor.name(), 0L));
        }
        return threads.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("lastMessageAt"), Sorts.ascending("_id")))
                .skip(offset).limit(limit).map(ThreadBoard::summary).into(new ArrayList<>());
    }

    public List<Entry> entries(String applicationId, long afterSequence, int limit) {
        return messages.find(Filters.and(Filters.eq("applicationId", applicationId), Filters.gt("sequence", afterSequence)))
                .sort(Sorts.ascending("sequence")).limit(limit).map(ThreadBoard::entry).into(new ArrayList<>());
    }

    /** Whether a message of this thread carries the attachment (only those are served to the other side). */
    public boolean attachmentPosted(String applicationId, String attachmentId) {
        return messages.find(Filters.and(Filters.eq("applicationId", applicationId),
                Filters.eq("attachments.attachmentId", attachmentId))).first() != null;
    }

    private static ThreadSummary summary(Document d) {
        Document unread = d.get("unread", Document.class);
        Date last = d.getDate("lastMessageAt");
        return new ThreadSummary(d.getString("_id"), d.getString("applicationNumber"), d.getString("organisationInn"),
                d.getString("organisationName"), d.getBoolean("closed", false),
                ((Number) d.getOrDefault("lastSequence", 0L)).longValue(),
                unread == null ? 0 : ((Number) unread.getOrDefault(Side.ORGANISATION.name(), 0L)).longValue(),
                unread == null ? 0 : ((Number) unread.getOrDefault(Side.INSTITUTE.name(), 0L)).longValue(),
                last == null ? null : last.toInstant());
    }

    private static Entry entry(Document d) {
        String side = d.getString("side");
        String kind = d.getString("kind");
        return new Entry(d.getString("_id"), ((Number) d.get("sequence")).longValue(), d.getString("type"),
                side == null ? null : Side.valueOf(side), d.getString("authorId"), d.getString("text"),
                d.getList("attachments", Document.class, List.of()).stream().map(a -> new Attachment(
                        a.getString("attachmentId"), a.getString("fileName"), a.getString("contentType"),
                        ((Number) a.get("size")).longValue(), a.getString("sha256"))).toList(),
                kind == null ? null : NoticeKind.valueOf(kind), parameters(d.getString("parameters")), d.getString("title"),
                d.getList("audience", String.class, List.of()).stream().map(Side::valueOf).toList(),
                d.getDate("postedAt").toInstant(), d.getList("mailedTo", String.class, List.of()).stream()
                        .map(PersonalText::open).toList());
    }

    private static NoticeParameters parameters(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, NoticeParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
