package ru.fioco.training.contract.infra;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import ru.fioco.training.application.api.ApplicationTakenIntoWork;
import ru.fioco.training.contract.policy.PendingOpenings;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** The waiting openings in {@code pending_openings}, one document per application (parking twice changes nothing). */
@ApplicationScoped
public class MongoPendingOpenings implements PendingOpenings {

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> pending;

    @PostConstruct
    void init() {
        pending = database.collection("pending_openings");
    }

    @Override
    public void park(ApplicationTakenIntoWork e) {
        try {
            pending.replaceOne(Filters.eq("_id", e.applicationId()), new Document("_id", e.applicationId())
                    .append("programmeId", e.programmeId()).append("parkedAt", new Date())
                    .append("event", EventJson.mapper().writeValueAsString(e)), new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<ApplicationTakenIntoWork> waitingFor(String programmeId) {
        List<ApplicationTakenIntoWork> found = new ArrayList<>();
        for (Document d : pending.find(Filters.eq("programmeId", programmeId)).sort(Sorts.ascending("parkedAt"))) {
            try {
                found.add(EventJson.mapper().readValue(d.getString("event"), ApplicationTakenIntoWork.class));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return found;
    }

    @Override
    public void opened(String applicationId) {
        pending.deleteOne(Filters.eq("_id", applicationId));
    }
}
