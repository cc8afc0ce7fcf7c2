package ru.fioco.training.platform.consuming;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * Which CloudEvents a consumer has already applied, keyed uniquely by consumer and {@code ce_id}
 * (the collection's {@code _id}, so the uniqueness holds even on a server that ignores secondary
 * indexes). A redelivered or replayed event is recognised here and changes nothing twice.
 */
public final class ProcessedEventLog {

    public static final String COLLECTION = "processed_events";

    private final MongoCollection<Document> collection;

    public ProcessedEventLog(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * Lets MongoDB remove an entry {@code retention} after it was recorded (a TTL index on {@code at}; the embedded
     * server ignores it, a real one enforces it). Changing the retention replaces the index.
     */
    public void expireAfter(Duration retention) {
        String name = "expire_at";
        for (Document index : collection.listIndexes()) {
            Number seconds = index.get("expireAfterSeconds", Number.class);
            if (name.equals(index.getString("name")) && seconds != null && seconds.longValue() != retention.toSeconds()) {
                collection.dropIndex(name);
            }
        }
        collection.createIndex(Indexes.ascending("at"),
                new IndexOptions().name(name).expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    public boolean contains(String consumer, String eventId) {
        return collection.find(Filters.eq("_id", key(consumer, eventId))).limit(1).first() != null;
    }

    /** Records the event as applied; {@code false} if it already was (a concurrent duplicate). */
    public boolean record(String consumer, String eventId, String type) {
        try {
            collection.insertOne(new Document("_id", key(consumer, eventId))
                    .append("consumer", consumer).append("eventId", eventId).append("type", type)
                    .append("at", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Forgets what a consumer applied, so that it can rebuild its read model from the topic's start. */
    public long forget(String consumer) {
        return collection.deleteMany(Filters.eq("consumer", consumer)).getDeletedCount();
    }

    private static String key(String consumer, String eventId) {
        return consumer + "|" + eventId;
    }
}
