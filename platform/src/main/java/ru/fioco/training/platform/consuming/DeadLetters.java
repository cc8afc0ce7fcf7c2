package ru.fioco.training.platform.consuming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.kafka.KafkaClients;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The records a consumer of this service can never apply. Each goes to the consumer's own dead-letter topic
 * ({@code <consumer>.dlq}, with the reason in headers; it may expire) and into the {@code dead_letters} collection,
 * where staff list and inspect them and re-drive one after the cause is mended. A re-drive runs the record through
 * the consumer's listener exactly as it first came (so the processed-event log makes it count once); it runs on a
 * worker of its own, retrying transient failures without limit like a live record, and its state is kept here, so
 * a restart finishes a re-drive that was under way.
 */
@ApplicationScoped
public class DeadLetters implements InboundEventDispatcher.DeadLetterSink {

    public static final String COLLECTION = "dead_letters";
    public static final String REASON_HEADER = "dead-letter-reason";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public enum State {
        /** Set aside; staff decide. */
        WAITING,
        /** Staff re-drove it; the consumer's listener has it. */
        REDRIVING,
        /** Applied by a re-drive (or found already applied). */
        REDRIVEN
    }

    public record DeadHeader(String name, String value) {
    }

    public record DeadLetter(String id, String consumer, String topic, int partition, long offset, String eventId,
            String type, String subject, String reason, int times, Instant firstAt, Instant lastAt, State state,
            String redrivenBy, Instant redrivenAt, String key, String value, List<DeadHeader> headers) {
    }

    @Inject
    ServiceDatabase database;

    @Inject
    Instance<InboundListener> listeners;

    @Inject
    KafkaClients kafka;

    private volatile Producer<String, String> producer;
    private final Set<String> ensuredTopics = ConcurrentHashMap.newKeySet();
    private final ExecutorService redrives = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dead-letter-redrive");
        t.setDaemon(true);
        return t;
    });

    /** A re-drive under way when the service stopped is finished now. */
    void resume(@Observes StartupEvent event) {
        collection().find(Filters.eq("state", State.REDRIVING.name()))
                .forEach(d -> redrives.submit(() -> redrive(d.getString("_id"))));
    }

    @PreDestroy
    void close() {
        redrives.shutdownNow();
        Producer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void deadLetter(String consumer, ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, CloudEvents.bytes(reason));
        headers.add("dead-letter-consumer", CloudEvents.bytes(consumer));
        headers.add("dead-letter-topic", CloudEvents.bytes(record.topic()));
        headers.add("dead-letter-partition", CloudEvents.bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", CloudEvents.bytes(Long.toString(record.offset())));
        ensureTopic(topicOf(consumer));
        try {
            producer().send(new ProducerRecord<>(topicOf(consumer), null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead-letter topic " + topicOf(consumer) + " did not take the record", e);
        }
        List<Document> kept = new ArrayList<>();
        for (Header h : record.headers()) {
            if (h.key().equals(InboundEventDispatcher.REDRIVE_HEADER)) {
                continue;
            }
            kept.add(new Document("name", h.key()).append("value",
                    h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
        }
        Date now = new Date();
        collection().updateOne(Filters.eq("_id", idOf(consumer, record)), Updates.combine(
                Updates.setOnInsert("consumer", consumer),
                Updates.setOnInsert("topic", record.topic()),
                Updates.setOnInsert("partition", record.partition()),
                Updates.setOnInsert("offset", record.offset()),
                Updates.setOnInsert("timestamp", record.timestamp()),
                Updates.setOnInsert("key", record.key()),
                Updates.setOnInsert("value", record.value()),
                Updates.setOnInsert("headers", kept),
                Updates.setOnInsert("eventId", CloudEvents.header(record.headers(), CloudEvents.ID)),
                Updates.setOnInsert("type", CloudEvents.header(record.headers(), CloudEvents.TYPE)),
                Updates.setOnInsert("subject", CloudEvents.header(record.headers(), CloudEvents.SUBJECT)),
                Updates.setOnInsert("firstAt", now),
                Updates.set("lastAt", now),
                Updates.set("reason", reason),
                Updates.set("state", State.WAITING.name()),
                Updates.inc("times", 1)), new UpdateOptions().upsert(true));
    }

    /** The consumer's dead-letter topic: one per consumer, so a re-drive never reaches another consumer. */
    public static String topicOf(String consumer) {
        return consumer + ".dlq";
    }

    public List<DeadLetter> list(Optional<String> consumer, Optional<State> state) {
        List<Bson> filters = new ArrayList<>();
        consumer.ifPresent(c -> filters.add(Filters.eq("consumer", c)));
        state.ifPresent(s -> filters.add(Filters.eq("state", s.name())));
        List<DeadLetter> all = new ArrayList<>();
        collection().find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("lastAt")).limit(500).forEach(d -> all.add(letter(d)));
        return all;
    }

    public long waiting() {
        return collection().countDocuments(Filters.eq("state", State.WAITING.name()));
    }

    public DeadLetter get(String id) {
        Document d = collection().find(Filters.eq("_id", id)).first();
        if (d == null) {
            throw new NotFoundException("Нет отложенной записи " + id);
        }
        return letter(d);
    }

    /** Staff re-drive a waiting record: it is handed to its consumer's listener on the re-drive worker. */
    public DeadLetter startRedrive(String id, String by) {
        DeadLetter letter = get(id);
        listener(letter.consumer()); // a consumer this service no longer has is refused before anything changes
        if (collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", State.WAITING.name())),
                Updates.combine(Updates.set("state", State.REDRIVING.name()), Updates.set("redrivenBy", by),
                        Updates.set("redrivenAt", new Date()))).getModifiedCount() == 0) {
            throw new ConflictException("state", "запись уже отправлена повторно (сейчас: " + letter.state() + ")",
                    Map.of("state", letter.state().name()));
        }
        redrives.submit(() -> redrive(id));
        return get(id);
    }

    private void redrive(String id) {
        try {
            DeadLetter letter = get(id);
            listener(letter.consumer()).onEvent(record(letter));
            // a record refused again was dead-lettered again: WAITING, with the new reason
            collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", State.REDRIVING.name())),
                    Updates.set("state", State.REDRIVEN.name()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Re-drive of %s stopped; it is resumed at the next start", id);
        }
    }

    private InboundListener listener(String consumer) {
        for (InboundListener listener : listeners) {
            if (listener.consumer().equals(consumer)) {
                return listener;
            }
        }
        throw new NotFoundException("У сервиса нет потребителя " + consumer);
    }

    private static ConsumerRecord<String, String> record(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        letter.headers().forEach(h -> headers.add(h.name(), h.value() == null ? null : CloudEvents.bytes(h.value())));
        headers.add(InboundEventDispatcher.REDRIVE_HEADER, CloudEvents.bytes(letter.id()));
        return new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(), 0L, TimestampType.CREATE_TIME,
                -1, -1, letter.key(), letter.value(), headers, Optional.empty());
    }

    /**
     * Creates the dead-letter topic where the broker does not create topics itself (production): one partition, the
     * broker's replication, kept 90 days (the collection keeps the record for staff beyond that).
     */
    private void ensureTopic(String topic) {
        if (ensuredTopics.contains(topic)) {
            return;
        }
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of("retention.ms", Long.toString(Duration.ofDays(90).toMillis()))))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("the dead-letter topic " + topic + " could not be created", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the dead-letter topic " + topic + " could not be created in time", e);
        }
        ensuredTopics.add(topic);
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(kafka.settings(Map.of(
                            "client.id", database.name() + "-dead-letters",
                            "acks", "all",
                            "enable.idempotence", "true",
                            "max.request.size", "10485760",
                            "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                            "value.serializer", "org.apache.kafka.common.serialization.StringSerializer")));
                }
                p = producer;
            }
        }
        return p;
    }

    private MongoCollection<Document> collection() {
        return database.collection(COLLECTION);
    }

    private static String idOf(String consumer, ConsumerRecord<?, ?> record) {
        return consumer + "|" + record.topic() + "|" + record.partition() + "|" + record.offset();
    }

    @SuppressWarnings("unchecked")
    private static DeadLetter letter(Document d) {
        List<DeadHeader> headers = new ArrayList<>();
        for (Document h : (List<Document>) d.get("headers", List.class)) {
            headers.add(new DeadHeader(h.getString("name"), h.getString("value")));
        }
        return new DeadLetter(d.getString("_id"), d.getString("consumer"), d.getString("topic"),
                d.getInteger("partition"), d.get("offset", Number.class).longValue(), d.getString("eventId"),
                d.getString("type"), d.getString("subject"), d.getString("reason"), d.getInteger("times", 1),
                instant(d.getDate("firstAt")), instant(d.getDate("lastAt")), State.valueOf(d.getString("state")),
                d.getString("redrivenBy"), instant(d.getDate("redrivenAt")), d.getString("key"), d.getString("value"),
                headers);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
