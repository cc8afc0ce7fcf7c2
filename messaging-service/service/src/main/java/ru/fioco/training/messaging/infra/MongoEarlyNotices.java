package ru.fioco.training.messaging.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import ru.fioco.training.messaging.domain.ThreadCommands.PostNotice;
import ru.fioco.training.messaging.policy.EarlyNotices;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** Early notices as Mongo documents ({@code parked_notices}), keyed by their cause. */
@ApplicationScoped
public class MongoEarlyNotices implements EarlyNotices {

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> parked;

    @PostConstruct
    void init() {
        parked = database.collection("parked_notices");
    }

    @Override
    public void park(PostNotice notice, Instant causedAt) {
        try {
            parked.insertOne(new Document("_id", notice.cause()).append("applicationId", notice.applicationId())
                    .append("eventTime", causedAt == null ? null : Date.from(causedAt))
                    .append("command", Document.parse(EventJson.mapper().writeValueAsString(notice))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<PostNotice> parked(String applicationId) {
        List<PostNotice> notices = new ArrayList<>();
        for (Document d : parked.find(Filters.eq("applicationId", applicationId)).sort(Sorts.ascending("eventTime"))) {
            try {
                notices.add(EventJson.mapper().readValue(d.get("command", Document.class).toJson(), PostNotice.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return notices;
    }

    @Override
    public void posted(String cause) {
        parked.deleteOne(Filters.eq("_id", cause));
    }
}
