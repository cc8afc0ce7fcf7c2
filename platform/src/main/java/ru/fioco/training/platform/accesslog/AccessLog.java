package ru.fioco.training.platform.accesslog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.security.Caller;

/**
 * Who saw whose personal data, when (152-FZ art. 18.1, 19: the operator accounts for access to personal data): every
 * download of a scan, a contract document, an attachment or the certificate register, and every read of participants'
 * data by staff, appended to this service's {@code access_log} as it happens. An entry names the people by their keys
 * ({@code participant:<id>}, {@code applicant:<application id>}), never by their data, so the log outlives an erasure.
 * Staff and auditors read it per service ({@code GET /admin/access-log}); the cabinet merges the four.
 */
@ApplicationScoped
public class AccessLog {

    public static final String COLLECTION = "access_log";

    /** What was looked at. */
    public enum Kind {
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

    @Inject
    ServiceDatabase database;

    @Inject
    Caller caller;

    private MongoCollection<Document> log;

    @PostConstruct
    void init() {
        log = database.collection(COLLECTION); // its indexes: AccessLogIndexes
    }

    /** Records that the caller viewed {@code subjects}' data ({@code participant:<id>}) of an application now. */
    public void viewed(Kind kind, String applicationId, List<String> subjects, String objectId) {
        // real time, whatever clock a test moves
        log.insertOne(new Document("at", Date.from(Instant.now())).append("actor", caller.subject())
                .append("role", caller.role()).append("kind", kind.name()).append("applicationId", applicationId)
                .append("subjects", subjects).append("objectId", objectId));
    }

    /** The entries of an application and/or about one subject, newest first, at most {@code limit}. */
    public List<Entry> find(Optional<String> applicationId, Optional<String> subject, int limit) {
        List<Bson> where = new ArrayList<>();
        applicationId.ifPresent(id -> where.add(Filters.eq("applicationId", id)));
        subject.ifPresent(s -> where.add(Filters.eq("subjects", s)));
        List<Entry> found = new ArrayList<>();
        for (Document d : log.find(where.isEmpty() ? new Document() : Filters.and(where)).sort(Sorts.descending("at"))
                .limit(limit)) {
            Kind kind = Kind.valueOf(d.getString("kind"));
            found.add(new Entry(d.getDate("at").toInstant(), d.getString("actor"), d.getString("role"), kind,
                    kind.title(), d.getString("applicationId"), d.getList("subjects", String.class, List.of()),
                    d.getString("objectId")));
        }
        return found;
    }
}
