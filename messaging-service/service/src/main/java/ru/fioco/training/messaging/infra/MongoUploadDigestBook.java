package ru.fioco.training.messaging.infra;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.messaging.policy.UploadDigestBook;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** The uploads for the daily digest as Mongo documents ({@code upload_digest}), keyed by document id. */
@ApplicationScoped
public class MongoUploadDigestBook implements UploadDigestBook {

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> uploads;

    @PostConstruct
    void init() {
        uploads = database.collection("upload_digest");
        uploads.createIndex(Indexes.ascending("digestDay", "arrivedAt"));
    }

    @Override
    public void note(Upload upload) {
        uploads.updateOne(Filters.eq("_id", upload.documentId()), Updates.combine(
                Updates.setOnInsert("applicationId", upload.applicationId()),
                Updates.setOnInsert("participantId", upload.participantId()),
                Updates.setOnInsert("slot", upload.slot().name()),
                Updates.setOnInsert("version", upload.version()),
                Updates.setOnInsert("arrivedAt", Date.from(upload.arrivedAt())),
                Updates.setOnInsert("digestDay", null)), new UpdateOptions().upsert(true));
    }

    @Override
    public List<Upload> unreported(Instant cutoff, int limit) {
        return uploads.find(Filters.and(Filters.eq("digestDay", null), Filters.lt("arrivedAt", Date.from(cutoff))))
                .sort(Sorts.ascending("arrivedAt")).limit(limit).map(MongoUploadDigestBook::upload)
                .into(new ArrayList<>());
    }

    @Override
    public void report(Collection<String> documentIds, LocalDate day) {
        if (!documentIds.isEmpty()) {
            uploads.updateMany(Filters.and(Filters.in("_id", documentIds), Filters.eq("digestDay", null)),
                    Updates.set("digestDay", day.toString()));
        }
    }

    @Override
    public List<Upload> reportedOn(LocalDate day) {
        return uploads.find(Filters.eq("digestDay", day.toString())).sort(Sorts.ascending("arrivedAt"))
                .map(MongoUploadDigestBook::upload).into(new ArrayList<>());
    }

    private static Upload upload(Document d) {
        return new Upload(d.getString("_id"), d.getString("applicationId"), d.getString("participantId"),
                DocumentSlot.valueOf(d.getString("slot")), d.getInteger("version", 1), d.getDate("arrivedAt").toInstant());
    }
}
