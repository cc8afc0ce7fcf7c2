package ru.fioco.training.platform.consuming;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies one event to one read-model document atomically with the record that it was applied: the
 * document keeps the ids of its last events and its revision (the number of events applied). Even if
 * the processed-event log missed an event (a crash between effect and log), the document itself
 * refuses to apply the same event twice.
 */
public final class ReadModelUpdate {

    public static final String REVISION = "revision";
    public static final String APPLIED_EVENTS = "appliedEvents";
    /** Enough to recognise any redelivery; redeliveries come close behind the original. */
    private static final int REMEMBERED_EVENTS = 200;

    private ReadModelUpdate() {
    }

    /** @return {@code true} if applied, {@code false} if this event was already applied to the document */
    public static boolean apply(MongoCollection<Document> collection, String id, String eventId, List<Bson> changes) {
        List<Bson> updates = new ArrayList<>(changes);
        updates.add(Updates.inc(REVISION, 1));
        updates.add(Updates.pushEach(APPLIED_EVENTS, List.of(eventId), new PushOptions().slice(-REMEMBERED_EVENTS)));
        try {
            // matched: the event is new to an existing document; not matched: inserted, or a collision below
            collection.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.ne(APPLIED_EVENTS, eventId)),
                    Updates.combine(updates),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // the document exists and already holds this event: the upsert's insert collided
            }
            throw e;
        }
    }
}
