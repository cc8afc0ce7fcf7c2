package ru.fioco.training.platform.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.events.CloudEvents;

/**
 * Publishes a service's event store to its Kafka topic: the event store is the outbox.
 *
 * <p>A single loop reads a batch of events after the stored tracking token, sends them all, waits until
 * Kafka acknowledged every one ({@code acks=all}, idempotent producer), and only then stores the token
 * of the batch's last event. A crash anywhere before that store re-sends the batch on restart:
 * delivery is at least once, and a duplicate is the same event with the same {@code ce_id}, which
 * consumers absorb. The token is claimed in the token store, so of several instances of a service only
 * one publishes at a time.
 *
 * <p>An event that no retry can publish (larger than Kafka takes, not writable as JSON, of a type the publication
 * does not know) is parked in the {@link PublisherQuarantine}: the events before it are published and the token
 * stored up to them, and the publisher waits at it until staff release or skip it. It never moves past such an
 * event by itself, since the consumers of that key would then see later events without it.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final int SEGMENT = 0;

    private final String name;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TokenStore tokenStore;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final EventPublication publication;
    private final ObjectMapper json;
    private final int batchSize;
    private final Counter published;
    private final AtomicLong publishedCount = new AtomicLong();
    private final AtomicReference<Instant> lastProgress = new AtomicReference<>(Instant.now());
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<PublisherQuarantine.Entry> parked = new AtomicReference<>();
    private final PublisherQuarantine quarantine;
    private volatile Instant acknowledgedUpTo;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile Producer<String, byte[]> producer;

    public EventPublisher(String name, StreamableMessageSource<TrackedEventMessage<?>> source, TokenStore tokenStore,
            Supplier<Producer<String, byte[]>> producerFactory, EventPublication publication, ObjectMapper json,
            int batchSize, MeterRegistry metrics, PublisherQuarantine quarantine) {
        this.name = name;
        this.source = source;
        this.tokenStore = tokenStore;
        this.producerFactory = producerFactory;
        this.publication = publication;
        this.json = json;
        this.batchSize = batchSize;
        this.published = metrics.counter("platform.events.published", "topic", publication.topic());
        this.quarantine = quarantine;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return publication.topic();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "event-publisher-" + publication.topic());
        worker.setDaemon(true);
        worker.start();
    }

    /** Graceful stop: the batch in flight completes (or is abandoned unacknowledged) and the claim is released. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = worker;
        }
        if (t != null) {
            try {
                // the loop notices within its poll interval; interrupting it mid-write could break a Mongo connection
                t.join(Duration.ofSeconds(20).toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(Duration.ofSeconds(5).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(5));
        try {
            tokenStore.releaseClaim(name, SEGMENT);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not release the claim of %s", name);
        }
    }

    /**
     * Abrupt stop, as a killed process: the producer is closed without waiting, the token of the batch
     * in flight is not stored and the claim is not released (it expires). Only tests call this.
     */
    public void kill() {
        running = false;
        Producer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ZERO);
        }
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        Thread t = worker;
        return running && t != null && t.isAlive();
    }

    public long publishedCount() {
        return publishedCount.get();
    }

    public Instant lastProgress() {
        return lastProgress.get();
    }

    public String lastError() {
        return lastError.get();
    }

    /** The event the publisher waits at, until staff decide; empty while it publishes. */
    public Optional<PublisherQuarantine.Entry> parked() {
        return Optional.ofNullable(parked.get());
    }

    /** The time of the newest event Kafka acknowledged (or the stored token's), {@code null} before the first. */
    public Instant acknowledgedUpTo() {
        return acknowledgedUpTo;
    }

    private void run() {
        while (running) {
            try {
                Optional<PublisherQuarantine.Entry> waitingAt = quarantine.parked(name);
                parked.set(waitingAt.orElse(null));
                if (waitingAt.isPresent()) {
                    pause(Duration.ofSeconds(1)); // until staff release or skip it
                    continue;
                }
                TrackingToken token = claimToken();
                if (token instanceof MongoTrackingToken mongoToken && acknowledgedUpTo == null) {
                    acknowledgedUpTo = mongoToken.getTimestamp();
                }
                try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(token)) {
                    publishFrom(stream, quarantine.decisions(name));
                }
                lastError.set(null);
            } catch (UnableToClaimTokenException e) {
                // another instance publishes; try again when its claim may have expired
                pause(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | ExecutionException e) {
                if (!running) {
                    return;
                }
                lastError.set(e.toString());
                LOG.warnf(e, "Publishing to %s failed; resuming from the last acknowledged event", publication.topic());
                closeProducer(Duration.ZERO);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private TrackingToken claimToken() {
        if (tokenStore.fetchSegments(name).length == 0) {
            try {
                // null: from the very first event ever stored
                tokenStore.initializeTokenSegments(name, 1, null);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Token of %s initialised concurrently", name);
            }
        }
        return tokenStore.fetchToken(name, SEGMENT);
    }

    /** Publishes until stopped, or until an event is parked (then returns). */
    private void publishFrom(BlockingStream<TrackedEventMessage<?>> stream, Map<String, PublisherQuarantine.State> decided)
            throws InterruptedException, ExecutionException {
        while (running) {
            if (!stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                tokenStore.extendClaim(name, SEGMENT);
                lastProgress.set(Instant.now());
                continue;
            }
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && stream.hasNextAvailable()) {
                batch.add(stream.nextAvailable());
            }
            Producer<String, byte[]> p = producer();
            List<TrackedEventMessage<?>> sent = new ArrayList<>(batch.size());
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            TrackedEventMessage<?> unpublishable = null;
            String reason = null;
            for (TrackedEventMessage<?> event : batch) {
                if (decided.get(event.getIdentifier()) == PublisherQuarantine.State.SKIPPED) {
                    sent.add(event);
                    acks.add(null); // passed over, as staff decided
                    continue;
                }
                ProducerRecord<String, byte[]> record;
                try {
                    record = record(event);
                } catch (RuntimeException e) {
                    unpublishable = event;
                    reason = e.toString();
                    break;
                }
                Future<RecordMetadata> ack = p.send(record);
                // a record over the producer's size limit fails at once: nothing after it is sent
                Optional<Throwable> refusal = refusalForGood(ack);
                if (refusal.isPresent()) {
                    unpublishable = event;
                    reason = refusal.get().toString();
                    break;
                }
                sent.add(event);
                acks.add(ack);
            }
            p.flush();
            int acknowledged = 0;
            for (Future<RecordMetadata> ack : acks) {
                if (ack != null) {
                    try {
                        ack.get();
                    } catch (ExecutionException e) {
                        if (!isForGood(e.getCause())) {
                            throw e; // not acknowledged: the token stays after the last acknowledged event
                        }
                        unpublishable = sent.get(acknowledged);
                        reason = e.getCause().toString();
                        break;
                    }
                }
                acknowledged++;
            }
            if (!running) {
                return; // stopped while sending: whatever was acknowledged is re-sent next time, as duplicates
            }
            if (acknowledged > 0) {
                List<TrackedEventMessage<?>> done = sent.subList(0, acknowledged);
                TrackedEventMessage<?> last = done.get(done.size() - 1);
                tokenStore.storeToken(last.trackingToken(), name, SEGMENT);
                acknowledgedUpTo = last.getTimestamp();
                long count = done.stream().filter(e -> decided.get(e.getIdentifier()) != PublisherQuarantine.State.SKIPPED)
                        .count();
                published.increment(count);
                publishedCount.addAndGet(count);
                done.stream().filter(e -> decided.get(e.getIdentifier()) == PublisherQuarantine.State.RELEASED)
                        .forEach(e -> quarantine.published(e.getIdentifier()));
            }
            lastProgress.set(Instant.now());
            if (unpublishable != null) {
                park(unpublishable, reason);
                return;
            }
        }
    }

    private void park(TrackedEventMessage<?> event, String reason) {
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        quarantine.park(name, publication.topic(), event.getIdentifier(), event.getPayloadType().getName(), aggregateId,
                sequence, reason);
        parked.set(quarantine.parked(name).orElse(null));
        LOG.errorf("Event %s (%s) cannot be published to %s and is parked; publishing waits for staff to release or "
                + "skip it (/admin/publisher/quarantine): %s", event.getIdentifier(), event.getPayloadType().getName(),
                publication.topic(), reason);
    }

    private static Optional<Throwable> refusalForGood(Future<RecordMetadata> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return Optional.empty();
        }
        try {
            ack.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return isForGood(e.getCause()) ? Optional.of(e.getCause()) : Optional.empty();
        }
    }

    /** Kafka's answers that no retry changes: the record itself is wrong for the topic. */
    static boolean isForGood(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException || cause instanceof SerializationException;
    }

    ProducerRecord<String, byte[]> record(TrackedEventMessage<?> event) {
        String subject = publication.subject(event);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.ID, CloudEvents.bytes(event.getIdentifier()));
        headers.add(CloudEvents.TYPE, CloudEvents.bytes(publication.typeOf(event.getPayload())));
        headers.add(CloudEvents.SOURCE, CloudEvents.bytes(publication.source()));
        headers.add(CloudEvents.SUBJECT, CloudEvents.bytes(subject));
        headers.add(CloudEvents.TIME, CloudEvents.bytes(CloudEvents.time(event.getTimestamp())));
        headers.add(CloudEvents.SPEC_VERSION, CloudEvents.bytes(CloudEvents.SPEC_VERSION_1));
        headers.add(CloudEvents.CONTENT_TYPE, CloudEvents.bytes(CloudEvents.JSON));
        if (event instanceof DomainEventMessage<?> domain) {
            headers.add(CloudEvents.SEQUENCE, CloudEvents.bytes(Long.toString(domain.getSequenceNumber())));
        }
        Object actor = event.getMetaData().get(EventStoreSetup.ACTOR);
        if (actor != null) {
            headers.add(CloudEvents.ACTOR, CloudEvents.bytes(actor.toString()));
        }
        byte[] value;
        try {
            value = json.writeValueAsBytes(event.getPayload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.getIdentifier() + " cannot be written as JSON", e);
        }
        return new ProducerRecord<>(publication.topicOf(event.getPayload()), null, event.getTimestamp().toEpochMilli(),
                subject, value, headers);
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            p = producerFactory.get();
            producer = p;
        }
        return p;
    }

    private void closeProducer(Duration timeout) {
        Producer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Closing the producer of %s", name);
            }
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Producer settings for publishing: every record acknowledged by all in-sync replicas, no duplicates from retries. */
    public static Map<String, Object> producerConfig(String clientId) {
        return Map.of(
                "client.id", clientId,
                "acks", "all",
                "enable.idempotence", "true",
                "max.in.flight.requests.per.connection", "5",
                "linger.ms", "5",
                "delivery.timeout.ms", "60000",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    }
}
