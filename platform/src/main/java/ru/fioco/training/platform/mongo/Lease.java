package ru.fioco.training.platform.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * A claim with expiry on one piece of periodic work (the mail pass, the reminder pass), so that of several replicas
 * of a service one does it at a time: the holder renews it as it works; if it dies, another takes the work over once
 * the claim has expired. The claim is a document keyed by the work's name in the {@code leases} collection; taking
 * it is one conditional upsert, which the unique {@code _id} decides.
 */
public final class Lease {

    public static final String COLLECTION = "leases";

    private final MongoCollection<Document> collection;
    private final String name;
    private final String holder;
    private final Duration duration;

    public Lease(MongoCollection<Document> collection, String name, String holder, Duration duration) {
        this.collection = collection;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
    }

    /** Takes or renews the claim: {@code true} if this holder has it now, for {@code duration} from now. */
    public boolean hold() {
        Instant now = Instant.now();
        try {
            collection.updateOne(
                    Filters.and(Filters.eq("_id", name),
                            Filters.or(Filters.eq("holder", holder), Filters.lt("until", Date.from(now)))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(now.plus(duration))),
                            Updates.set("since", Date.from(now))),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another holder's claim has not expired
            }
            throw e;
        }
    }

    /** Gives the claim up at once (a graceful stop), so another replica need not wait for its expiry. */
    public void release() {
        collection.updateOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)),
                Updates.set("until", new Date(0)));
    }

    public String holder() {
        return holder;
    }
}
