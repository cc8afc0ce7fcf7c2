package ru.fioco.training.messaging.query;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import ru.fioco.training.messaging.api.Side;
import ru.fioco.training.platform.files.StoredFile;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Files uploaded for a thread, waiting to be attached to a message or attached already: who uploaded them
 * for which thread. A file is attached by the side that uploaded it, and only to its own thread.
 */
@ApplicationScoped
public class AttachmentShelf {

    public record Shelved(StoredFile file, String applicationId, Side side, String uploaderId, Instant uploadedAt) {
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> shelf;

    @PostConstruct
    void init() {
        shelf = database.collection("attachments");
    }

    public void put(StoredFile file, String applicationId, Side side, String uploaderId, Instant at) {
        shelf.insertOne(new Document("_id", file.fileId()).append("applicationId", applicationId)
                .append("side", side.name()).append("uploaderId", uploaderId)
                .append("fileName", file.fileName()).append("contentType", file.contentType())
                .append("size", file.size()).append("sha256", file.sha256()).append("uploadedAt", Date.from(at)));
    }

    public Optional<Shelved> find(String attachmentId) {
        return Optional.ofNullable(shelf.find(Filters.eq("_id", attachmentId)).first()).map(d -> new Shelved(
                new StoredFile(d.getString("_id"), ((Number) d.get("size")).longValue(), d.getString("sha256"),
                        d.getString("contentType"), d.getString("fileName")),
                d.getString("applicationId"), Side.valueOf(d.getString("side")), d.getString("uploaderId"),
                d.getDate("uploadedAt").toInstant()));
    }
}
