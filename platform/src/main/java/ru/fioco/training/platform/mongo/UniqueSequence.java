package ru.fioco.training.platform.mongo;

import java.util.Date;
import java.util.function.LongFunction;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Numbers that are unique and increasing under concurrency (application numbers, invoices, certificate
 * registration numbers). A counter proposes the next value and a unique key on the issued numbers makes it
 * final: the second step is what holds on every server, because the in-process wire server's increments are
 * not atomic under concurrent connections (two callers were seen getting the same value). A number taken
 * by a failed operation leaves a gap.
 */
public final class UniqueSequence {

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> issued;

    public UniqueSequence(ServiceDatabase database) {
        this.counters = database.collection("counters");
        this.issued = database.collection("issued_numbers");
    }

    /** The next number of the sequence {@code counterId}, formatted; {@code maxValue} guards the format's width. */
    public String next(String counterId, long maxValue, LongFunction<String> format) {
        while (true) {
            Document counter = counters.findOneAndUpdate(Filters.eq("_id", counterId), Updates.inc("value", 1L),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long value = ((Number) counter.get("value")).longValue();
            if (value > maxValue) {
                throw new IllegalStateException("the number sequence " + counterId + " is exhausted");
            }
            String number = format.apply(value);
            try {
                issued.insertOne(new Document("_id", number).append("sequence", counterId).append("issuedAt", new Date()));
                return number;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // issued already to a concurrent caller: take the next one
            }
        }
    }
}
