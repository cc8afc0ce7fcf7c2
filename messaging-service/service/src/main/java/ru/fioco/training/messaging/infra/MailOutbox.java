package ru.fioco.training.messaging.infra;

import java.time.Clock;
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
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.messaging.api.NoticeParameters;
import ru.fioco.training.messaging.policy.StaffMailbox;
import ru.fioco.training.messaging.query.MailDelivery;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.json.PersonalText;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The e-mails to send, one per notice and address, keyed by both: a notice seen again adds nothing. A mail
 * stays pending until the SMTP server has accepted it; a failure moves its next attempt later, and a permanent one
 * (or days of them) sets it aside as failed, where staff see it (see {@link MailDelivery}). A mail holds
 * its notice as data (kind and parameters), rendered when it is sent.
 */
@ApplicationScoped
public class MailOutbox implements StaffMailbox, MailDelivery {

    /**
     * @param applicationId null for a mail about no single application (the staff's digest): sent as stored
     * @param subject       a notice stored before notices were data: its title, as written then; a digest's
     *                      subject (else null)
     * @param text          likewise its text; a digest's whole text
     */
    public record Mail(String id, String applicationId, String messageId, String to, NoticeKind kind,
            NoticeParameters parameters, String subject, String text, String applicationNumber,
            String organisationName, int attempts) {
    }

    @Inject
    ServiceDatabase database;

    @Inject
    Clock clock;

    @ConfigProperty(name = "messaging.staff-mailbox")
    String staffMailbox;

    private MongoCollection<Document> outbox;

    @PostConstruct
    void init() {
        outbox = database.collection("mail_outbox");
    }

    public void enqueue(Mail mail, Instant now) {
        try {
            outbox.insertOne(new Document("_id", mail.id()).append("applicationId", mail.applicationId())
                    .append("messageId", mail.messageId()).append("to", sealed(mail, "applicant", mail.to()))
                    .append("kind", mail.kind() == null ? null : mail.kind().name())
                    .append("parameters", mail.parameters() == null ? null : json(mail.applicationId(), mail.parameters()))
                    .append("subject", sealed(mail, "application", mail.subject()))
                    .append("text", sealed(mail, "application", mail.text()))
                    .append("applicationNumber", mail.applicationNumber())
                    .append("organisationName", mail.organisationName())
                    .append("status", "PENDING").append("attempts", 0).append("nextAttemptAt", Date.from(now))
                    .append("queuedAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public boolean queued(String mailId) {
        return outbox.find(Filters.eq("_id", mailId)).first() != null;
    }

    @Override
    public void queue(String mailId, String subject, String text) {
        enqueue(new Mail(mailId, null, mailId, staffMailbox, null, null, subject, text, null, null, 0),
                clock.instant());
    }

    public List<Mail> due(Instant now, int limit) {
        return outbox.find(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("queuedAt")).limit(limit)
                .map(d -> new Mail(d.getString("_id"), d.getString("applicationId"), d.getString("messageId"),
                        PersonalText.open(d.getString("to")),
                        d.getString("kind") == null ? null : NoticeKind.valueOf(d.getString("kind")),
                        d.getString("parameters") == null ? null : parameters(d.getString("parameters")),
                        PersonalText.open(d.getString("subject")), PersonalText.open(d.getString("text")),
                        d.getString("applicationNumber"),
                        d.getString("organisationName"), d.getInteger("attempts", 0)))
                .into(new ArrayList<>());
    }

    public void sent(String id, Instant at) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "SENT"),
                Updates.set("sentAt", Date.from(at))));
    }

    /** Given up: the mail leaves the queue and waits for staff (see {@link MailDelivery}). */
    public void givenUp(String id, int attempts, String error) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "FAILED"),
                Updates.set("attempts", attempts), Updates.set("lastError", error),
                Updates.set("failedAt", Date.from(clock.instant()))));
    }

    @Override
    public List<FailedMail> failed(int limit) {
        return outbox.find(Filters.eq("status", "FAILED")).sort(new Document("failedAt", -1)).limit(limit)
                .map(d -> new FailedMail(d.getString("_id"), d.getString("applicationId"), d.getString("applicationNumber"),
                        PersonalText.open(d.getString("to")), d.getString("kind"), d.getInteger("attempts", 0),
                        d.getString("lastError"),
                        d.getDate("failedAt") == null ? null : d.getDate("failedAt").toInstant()))
                .into(new ArrayList<>());
    }

    @Override
    public boolean retry(String id) {
        return outbox.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "FAILED")),
                Updates.combine(Updates.set("status", "PENDING"), Updates.set("attempts", 0),
                        Updates.set("nextAttemptAt", Date.from(clock.instant())), Updates.unset("failedAt")))
                .getModifiedCount() == 1;
    }

    public void failed(String id, int attempts, Instant nextAttemptAt, String error) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("nextAttemptAt", Date.from(nextAttemptAt)), Updates.set("lastError", error)));
    }

    /**
     * A mail about an application is its applicant's personal data (address, names in the text): kept under the
     * applicant's or the application's key. Mails to the institute's own mailbox name no applicant.
     */
    private static String sealed(Mail mail, String whose, String value) {
        return mail.applicationId() == null ? value : PersonalText.seal(whose + ":" + mail.applicationId(), value);
    }

    private static String json(String applicationId, NoticeParameters parameters) {
        try {
            return EventJson.writerAround(applicationId).writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NoticeParameters parameters(String json) {
        try {
            return EventJson.mapper().readValue(json, NoticeParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
