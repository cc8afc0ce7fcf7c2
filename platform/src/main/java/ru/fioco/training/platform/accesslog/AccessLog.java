package ru.fioco.training.platform.accesslog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.security.Caller;

/**
 * Who saw whose personal data, when (152-FZ art. 18.1, 19: the operator accounts for access to personal data): every
 * download of a scan, a contract document, an attachment or the certificate register, and every read of participants'
 * data by staff, appended to this service's {@code access_log} as it happens. An entry names the people by their keys
 * ({@code participant:<id>}, {@code applicant:<application id>}), never by their data, so the log outlives an erasure.
 * Staff and auditors read it per service ({@code GET /admin/access-log}); the cabinet merges the four.
 *
 * <p>Each entry is also shipped to the {@value #TOPIC} topic ({@link AccessLogShipper}, an outbox: written here first,
 * sent after), so that application-service, which makes the act of destruction, has every service's entries about a
 * person ({@link #receive}, {@link #findEverywhere}).
 */
@ApplicationScoped
public class AccessLog {

    public static final String COLLECTION = "access_log";
    /** Other services' entries, as shipped to this one (only application-service reads the topic). */
    public static final String RECEIVED = "access_log_received";
    public static final String TOPIC = "access-log";

    /** What was looked at. */
    public enum Kind {
        REPRESENTATIVE_READ("просмотрены данные представителя"),
        SCAN_DOWNLOADED("скачан скан документа"),
        CONTRACT_DOCUMENT_DOWNLOADED("скачан документ договора"),
        ATTACHMENT_DOWNLOADED("скачано вложение переписки"),
        REGISTER_EXPORTED("выгружен реестр удостоверений"),
        PARTICIPANTS_READ("просмотрены данные участников");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One view: when, who (account and role), what, in which application, whose data, which object. */
    public record Entry(Instant at, String actor, String role, Kind kind, String title, String applicationId,
            List<String> subjects, String objectId) {
    }

    /** An entry as it travels on {@value #TOPIC}: its id is unique across services ({@code <service>/<id>}). */
    public record Shipped(String id, String service, Instant at, String actor, String role, String kind,
            String applicationId, List<String> subjects, String objectId) {
    }

    @Inject
    ServiceDatabase database;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    Caller caller;

    private MongoCollection<Document> log;
    private MongoCollection<Document> received;

    @PostConstruct
    void init() {
        log = database.collection(COLLECTION); // its indexes: AccessLogIndexes
        received = database.collection(RECEIVED);
    }

    /** Records that the caller viewed {@code subjects}' data ({@code participant:<id>}) of an application now. */
    public void viewed(Kind kind, String applicationId, List<String> subjects, String objectId) {
        // real time, whatever clock a test moves
        log.insertOne(new Document("at", Date.from(Instant.now())).append("actor", caller.subject())
                .append("role", caller.role()).append("kind", kind.name()).append("applicationId", applicationId)
                .append("subjects", subjects).append("objectId", objectId).append("service", service)
                .append(AccessLogShipper.SHIPPED, false));
    }

    /**
     * Keeps another service's entry (at least once on the topic: the same entry twice is kept once). This service's
     * own entries are in its log already.
     */
    public void receive(Shipped entry) {
        if (service.equals(entry.service())) {
            return;
        }
        Document d = new Document("_id", entry.id()).append("at", Date.from(entry.at())).append("actor", entry.actor())
                .append("role", entry.role()).append("kind", entry.kind()).append("applicationId", entry.applicationId())
                .append("subjects", entry.subjects()).append("objectId", entry.objectId())
                .append("service", entry.service());
        received.replaceOne(Filters.eq("_id", entry.id()), d, new ReplaceOptions().upsert(true));
    }

    /** Every service's entries about one subject (this log and the received ones), newest first, at most {@code limit}. */
    public List<Entry> findEverywhere(String subject, int limit) {
        List<Entry> found = new ArrayList<>(entries(log, Filters.eq("subjects", subject), limit));
        found.addAll(entries(received, Filters.eq("subjects", subject), limit));
        found.sort(Comparator.comparing(Entry::at).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The entries of an application and/or about one subject, newest first, at most {@code limit}. */
    public List<Entry> find(Optional<String> applicationId, Optional<String> subject, int limit) {
        List<Bson> where = new ArrayList<>();
        applicationId.ifPresent(id -> where.add(Filters.eq("applicationId", id)));
        subject.ifPresent(s -> where.add(Filters.eq("subjects", s)));
        return entries(log, where.isEmpty() ? new Document() : Filters.and(where), limit);
    }

    private static List<Entry> entries(MongoCollection<Document> from, Bson where, int limit) {
        List<Entry> found = new ArrayList<>();
        for (Document d : from.find(where).sort(Sorts.descending("at")).limit(limit)) {
            Kind kind;
            try {
                kind = Kind.valueOf(d.getString("kind"));
            } catch (IllegalArgumentException | NullPointerException e) {
                continue; // a kind a newer service writes that this one does not know yet
            }
            found.add(new Entry(d.getDate("at").toInstant(), d.getString("actor"), d.getString("role"), kind,
                    kind.title(), d.getString("applicationId"), d.getList("subjects", String.class, List.of()),
                    d.getString("objectId")));
        }
        return found;
    }
}
