package ru.fioco.training.application.infra;

import java.util.Date;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.fioco.training.application.domain.SubmissionRegistry;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The registry on MongoDB: the number sequence is one counter document incremented atomically; a claim
 * is a document whose {@code _id} is (organisation INN, programme), so the store's unique primary key
 * lets exactly one of many concurrent submissions have it.
 */
@ApplicationScoped
public class MongoSubmissionRegistry implements SubmissionRegistry {

    static final String NUMBER_COUNTER = "application-number";
    /** The type prefix of training applications' numbers; event registrations will have their own («M»). */
    static final String TRAINING_PREFIX = "000-";

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> counters;
    private MongoCollection<Document> claims;
    private MongoCollection<Document> issued;

    @PostConstruct
    void init() {
        counters = database.collection("counters");
        claims = database.collection("programme_claims");
        issued = database.collection("issued_numbers");
    }

    /**
     * The counter proposes a number and a unique key on the issued numbers makes it final. The second
     * step is what holds on every server: the in-process wire server's increments are not atomic under
     * concurrent connections (two callers were seen getting the same value), its unique keys are.
     */
    @Override
    public String nextNumber() {
        while (true) {
            Document counter = counters.findOneAndUpdate(Filters.eq("_id", NUMBER_COUNTER), Updates.inc("value", 1L),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long value = ((Number) counter.get("value")).longValue();
            if (value > 999_999) {
                throw new IllegalStateException("the application number sequence 000-NNNNNN is exhausted");
            }
            String number = TRAINING_PREFIX + String.format("%06d", value);
            try {
                issued.insertOne(new Document("_id", number).append("issuedAt", new Date()));
                return number;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // issued already to a concurrent caller: take the next one
            }
        }
    }

    @Override
    public void claim(String organisationInn, String programmeId, String applicationId, String number) {
        String key = key(organisationInn, programmeId);
        try {
            claims.insertOne(new Document("_id", key).append("applicationId", applicationId).append("number", number)
                    .append("claimedAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = claims.find(Filters.eq("_id", key)).first();
            if (holder == null) {
                claim(organisationInn, programmeId, applicationId, number); // released meanwhile
                return;
            }
            if (!applicationId.equals(holder.getString("applicationId"))) {
                throw new DuplicateApplicationException(holder.getString("applicationId"), holder.getString("number"));
            }
            // the same application submitted again (after a return for correction): it still holds the pair
        }
    }

    @Override
    public void release(String organisationInn, String programmeId, String applicationId) {
        claims.deleteOne(Filters.and(Filters.eq("_id", key(organisationInn, programmeId)),
                Filters.eq("applicationId", applicationId)));
    }

    private static String key(String organisationInn, String programmeId) {
        return organisationInn + "|" + programmeId;
    }
}
