package ru.fioco.training.application.infra;

import java.util.Date;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import ru.fioco.training.application.domain.SubmissionRegistry;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.mongo.UniqueSequence;

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

    private UniqueSequence numbers;
    private MongoCollection<Document> claims;

    @PostConstruct
    void init() {
        numbers = new UniqueSequence(database);
        claims = database.collection("programme_claims");
    }

    @Override
    public String nextNumber() {
        return numbers.next(NUMBER_COUNTER, 999_999, value -> TRAINING_PREFIX + String.format("%06d", value));
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
