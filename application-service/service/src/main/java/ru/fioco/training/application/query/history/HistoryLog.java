package ru.fioco.training.application.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Every event of every service as it came through Kafka, kept per application for its history: built
 * from the four topics alone, by a consumer group of its own, one document per CloudEvent (a redelivery
 * finds it there and adds nothing).
 */
@ApplicationScoped
public class HistoryLog {

    /** One event as the history keeps it: the CloudEvents attributes and the payload's JSON as published. */
    public record Recorded(String id, String applicationId, String service, String type, Instant time, String actor,
            long sequence, String payload) {
    }

    /**
     * The timeline's order: by event time; a tie between services by service name, within a service by the
     * aggregate's sequence, then by id, so that the same events always come out in the same order.
     */
    public static final Comparator<Recorded> TIMELINE = Comparator.comparing(Recorded::time)
            .thenComparing(Recorded::service).thenComparingLong(Recorded::sequence).thenComparing(Recorded::id);

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> events;

    @PostConstruct
    void init() {
        events = database.readModel(COLLECTION);
    }

    public static final String COLLECTION = "history_events";

    /** A log over another collection: a history built anew beside the live one, to compare them. */
    public static HistoryLog over(MongoCollection<Document> collection) {
        HistoryLog log = new HistoryLog();
        log.events = collection;
        return log;
    }

    /**
     * The history's record of a Kafka record, or empty when it is not one of the platform's CloudEvents
     * (no id, type, subject or time): nothing a history could show.
     */
    public static Optional<Recorded> of(ConsumerRecord<String, String> record) {
        var headers = record.headers();
        String id = CloudEvents.header(headers, CloudEvents.ID);
        String type = CloudEvents.header(headers, CloudEvents.TYPE);
        String subject = CloudEvents.header(headers, CloudEvents.SUBJECT);
        String source = CloudEvents.header(headers, CloudEvents.SOURCE);
        String time = CloudEvents.header(headers, CloudEvents.TIME);
        if (id == null || type == null || subject == null || time == null || record.value() == null) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        long sequence;
        try {
            String header = CloudEvents.header(headers, CloudEvents.SEQUENCE);
            sequence = header == null ? 0 : Long.parseLong(header);
        } catch (NumberFormatException e) {
            sequence = 0;
        }
        String service = source == null ? record.topic() : source.startsWith("/") ? source.substring(1) : source;
        return Optional.of(new Recorded(id, subject, service, type, at,
                CloudEvents.header(headers, CloudEvents.ACTOR),
                sequence, record.value()));
    }

    /** @return false if this event was recorded before */
    public boolean record(Recorded e) {
        try {
            events.insertOne(new Document("_id", e.service() + "|" + e.id()).append("eventId", e.id())
                    .append("applicationId", e.applicationId()).append("service", e.service()).append("type", e.type())
                    .append("time", Date.from(e.time())).append("timeText", e.time().toString())
                    .append("actor", e.actor()).append("sequence", e.sequence()).append("payload", e.payload()));
            return true;
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    /** The application's events up to {@code asOf} (all when null), in timeline order. */
    public List<Recorded> of(String applicationId, Instant asOf) {
        List<Recorded> found = events.find(Filters.eq("applicationId", applicationId)).map(d -> new Recorded(
                        d.getString("eventId"), d.getString("applicationId"), d.getString("service"), d.getString("type"),
                        Instant.parse(d.getString("timeText")), d.getString("actor"),
                        ((Number) d.get("sequence")).longValue(), d.getString("payload")))
                .into(new ArrayList<>());
        return found.stream().filter(e -> asOf == null || !e.time().isAfter(asOf)).sorted(TIMELINE).toList();
    }

    public boolean knows(String applicationId) {
        return events.find(Filters.eq("applicationId", applicationId)).first() != null;
    }
}
