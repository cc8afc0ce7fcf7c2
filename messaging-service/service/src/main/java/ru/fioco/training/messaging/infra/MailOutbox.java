package ru.fioco.training.messaging.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The e-mails to send, one per notice and address, keyed by both: a notice seen again adds nothing. A mail
 * stays pending until the SMTP server has accepted it; a failure only moves its next attempt later.
 */
@ApplicationScoped
public class MailOutbox {

    public record Mail(String id, String applicationId, String messageId, String to, String subject, String text,
            String applicationNumber, String organisationName, int attempts) {
    }

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> outbox;

    @PostConstruct
    void init() {
        outbox = database.collection("mail_outbox");
    }

    public void enqueue(Mail mail, Instant now) {
        try {
            outbox.insertOne(new Document("_id", mail.id()).append("applicationId", mail.applicationId())
                    .append("messageId", mail.messageId()).append("to", mail.to()).append("subject", mail.subject())
                    .append("text", mail.text()).append("applicationNumber", mail.applicationNumber())
                    .append("organisationName", mail.organisationName())
                    .append("status", "PENDING").append("attempts", 0).append("nextAttemptAt", Date.from(now))
                    .append("queuedAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public List<Mail> due(Instant now, int limit) {
        return outbox.find(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("queuedAt")).limit(limit)
                .map(d -> new Mail(d.getString("_id"), d.getString("applicationId"), d.getString("messageId"),
                        d.getString("to"), d.getString("subject"), d.getString("text"), d.getString("applicationNumber"),
                        d.getString("organisationName"), d.getInteger("attempts", 0)))
                .into(new ArrayList<>());
    }

    public void sent(String id, Instant at) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "SENT"),
                Updates.set("sentAt", Date.from(at))));
    }

    public void failed(String id, int attempts, Instant nextAttemptAt, String error) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("nextAttemptAt", Date.from(nextAttemptAt)), Updates.set("lastError", error)));
    }
}
