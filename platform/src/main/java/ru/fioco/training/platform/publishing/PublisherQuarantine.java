package ru.fioco.training.platform.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;

/**
 * Events a publisher could not publish for a reason that no retry cures (too large for the topic, not writable
 * as JSON, of a type the publication does not know). Such an event is parked here and the publisher stops at it:
 * order per key matters more than progress, and an operator decides. Publishing goes on only when staff release
 * it (publish anyway, after raising a limit) or skip it with a recorded reason.
 */
public final class PublisherQuarantine {

    public static final String COLLECTION = "publisher_quarantine";

    public enum State {
        /** The publisher waits at this event. */
        PARKED,
        /** Staff asked to publish it again; it parks again if it still cannot be published. */
        RELEASED,
        /** Staff decided it is never published; the publisher passes over it. */
        SKIPPED,
        /** Released and then acknowledged by Kafka. */
        PUBLISHED
    }

    public record Entry(String eventId, String publisher, String topic, String type, String aggregateId,
            Long sequence, String reason, Instant parkedAt, State state, String decidedBy, Instant decidedAt,
            String skipReason) {
    }

    private final MongoCollection<Document> collection;

    public PublisherQuarantine(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Parks an event (again, if it was released and failed once more). */
    public void park(String publisher, String topic, String eventId, String type, String aggregateId, Long sequence,
            String reason) {
        collection.replaceOne(Filters.eq("_id", eventId), new Document("_id", eventId)
                .append("publisher", publisher).append("topic", topic).append("type", type)
                .append("aggregateId", aggregateId).append("sequence", sequence).append("reason", reason)
                .append("parkedAt", new Date()).append("state", State.PARKED.name()),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Entry> parked(String publisher) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("publisher", publisher),
                Filters.eq("state", State.PARKED.name()))).first()).map(PublisherQuarantine::entry);
    }

    /** Staff's decisions the publisher acts on when it meets these events: released or skipped. */
    public Map<String, State> decisions(String publisher) {
        Map<String, State> decided = new HashMap<>();
        collection.find(Filters.and(Filters.eq("publisher", publisher),
                        Filters.in("state", State.RELEASED.name(), State.SKIPPED.name())))
                .forEach(d -> decided.put(d.getString("_id"), State.valueOf(d.getString("state"))));
        return decided;
    }

    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        collection.find().sort(Sorts.descending("parkedAt")).forEach(d -> entries.add(entry(d)));
        return entries;
    }

    public Entry get(String eventId) {
        Document d = collection.find(Filters.eq("_id", eventId)).first();
        if (d == null) {
            throw new NotFoundException("В карантине публикации нет события " + eventId);
        }
        return entry(d);
    }

    public Entry release(String eventId, String by) {
        return decide(eventId, Updates.combine(Updates.set("state", State.RELEASED.name()), decidedBy(by)));
    }

    public Entry skip(String eventId, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "укажите, почему событие не будет опубликовано");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "не длиннее 2000 символов");
        }
        return decide(eventId, Updates.combine(Updates.set("state", State.SKIPPED.name()),
                Updates.set("skipReason", reason.strip()), decidedBy(by)));
    }

    void published(String eventId) {
        collection.updateOne(Filters.and(Filters.eq("_id", eventId), Filters.eq("state", State.RELEASED.name())),
                Updates.set("state", State.PUBLISHED.name()));
    }

    private Entry decide(String eventId, Bson update) {
        Entry current = get(eventId);
        if (current.state() != State.PARKED) {
            throw new ConflictException("state", "решение по событию уже принято (сейчас: " + current.state() + ")",
                    Map.of("state", current.state().name()));
        }
        // only a parked entry changes: two staff deciding at once cannot both win
        if (collection.updateOne(Filters.and(Filters.eq("_id", eventId), Filters.eq("state", State.PARKED.name())),
                update).getModifiedCount() == 0) {
            throw new ConflictException("state", "решение по событию уже принято", Map.of());
        }
        return get(eventId);
    }

    private static Bson decidedBy(String by) {
        return Updates.combine(Updates.set("decidedBy", by), Updates.set("decidedAt", new Date()));
    }

    private static Entry entry(Document d) {
        Number sequence = d.get("sequence", Number.class);
        return new Entry(d.getString("_id"), d.getString("publisher"), d.getString("topic"), d.getString("type"),
                d.getString("aggregateId"), sequence == null ? null : sequence.longValue(), d.getString("reason"),
                instant(d.getDate("parkedAt")), State.valueOf(d.getString("state")), d.getString("decidedBy"),
                instant(d.getDate("decidedAt")), d.getString("skipReason"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
