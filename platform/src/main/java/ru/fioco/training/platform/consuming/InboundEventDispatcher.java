package ru.fioco.training.platform.consuming;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.api.EventTypes;

/**
 * The one way a service applies another service's events: reads the CloudEvents headers, skips an
 * event this consumer already applied, turns the JSON into the producer's event record, runs the
 * handler (retrying a failing one a few times), and records the event as applied. A record that
 * cannot be applied throws {@link PoisonEventException}; the Kafka connector's dead-letter strategy
 * then moves it to {@code <topic>.dlq} with the reason, and the partition goes on.
 *
 * <p>Exactly one effect per event holds when the handler's effect and the record of it cannot be
 * torn apart; a crash between the two re-runs the handler on redelivery, so handlers write their
 * effects idempotently (upserts keyed by the object, guarded by the event id).
 */
public final class InboundEventDispatcher {

    private static final Logger LOG = Logger.getLogger(InboundEventDispatcher.class);
    static final int ATTEMPTS = 3;

    private final ProcessedEventLog processed;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public InboundEventDispatcher(ProcessedEventLog processed, ObjectMapper json, MeterRegistry metrics) {
        this.processed = processed;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Applies one record for {@code consumer}.
     *
     * @return {@code true} if the handler ran, {@code false} for a duplicate
     * @throws PoisonEventException when the record can never be applied
     */
    public <E> boolean dispatch(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        try {
            return apply(consumer, record, types, handler);
        } catch (PoisonEventException e) {
            metrics.counter("platform.events.dead_lettered", "consumer", consumer, "topic", record.topic()).increment();
            LOG.warnf("Dead-lettering %s-%d@%d (ce_id %s): %s", record.topic(), record.partition(), record.offset(),
                    CloudEvents.header(record.headers(), CloudEvents.ID), e.getMessage());
            throw e;
        }
    }

    /**
     * Applies one record again while a copy is rebuilt from the topic's start: like {@link #dispatch}, but a
     * record that cannot be applied is only counted (it went to the dead-letter topic when it first came).
     *
     * @return {@code true} if the handler ran, {@code false} for a duplicate or a record that cannot be applied
     */
    public <E> boolean replay(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        try {
            return apply(consumer, record, types, handler);
        } catch (PoisonEventException e) {
            LOG.debugf("Replay of %s skips %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }

    private <E> boolean apply(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        String id = CloudEvents.header(record.headers(), CloudEvents.ID);
        String type = CloudEvents.header(record.headers(), CloudEvents.TYPE);
        if (id == null || id.isBlank()) {
            throw new PoisonEventException("missing CloudEvents header ce_id");
        }
        if (type == null || !types.knows(type)) {
            throw new PoisonEventException("unknown event type " + type);
        }
        if (processed.contains(consumer, id)) {
            metrics.counter("platform.events.duplicates", "consumer", consumer).increment();
            return false;
        }
        InboundEvent<E> event = parse(record, id, type, types);
        runWithRetries(consumer, handler, event);
        processed.record(consumer, id, type);
        metrics.counter("platform.events.consumed", "consumer", consumer, "topic", record.topic()).increment();
        return true;
    }

    private <E> InboundEvent<E> parse(ConsumerRecord<String, String> record, String id, String type, EventTypes<E> types) {
        if (record.value() == null) {
            throw new PoisonEventException("empty payload");
        }
        E payload;
        try {
            payload = json.readValue(record.value(), types.classOf(type).orElseThrow());
        } catch (Exception e) {
            throw new PoisonEventException("undeserialisable payload for " + type + ": " + e.getMessage(), e);
        }
        OffsetDateTime time = null;
        String ceTime = CloudEvents.header(record.headers(), CloudEvents.TIME);
        if (ceTime != null) {
            try {
                time = OffsetDateTime.parse(ceTime);
            } catch (DateTimeParseException e) {
                throw new PoisonEventException("ce_time is not an RFC 3339 time: " + ceTime, e);
            }
        }
        return new InboundEvent<>(id, type, CloudEvents.header(record.headers(), CloudEvents.SUBJECT), time,
                CloudEvents.header(record.headers(), CloudEvents.ACTOR), payload);
    }

    private <E> void runWithRetries(String consumer, Consumer<InboundEvent<E>> handler, InboundEvent<E> event) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                handler.accept(event);
                return;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
                LOG.debugf(e, "Handler of %s failed for %s (attempt %d)", consumer, event.id(), attempt);
                backOff(Duration.ofMillis(100L * attempt));
            }
        }
        throw new PoisonEventException("handler failed after " + ATTEMPTS + " attempts: " + last, last);
    }

    private static void backOff(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoisonEventException("interrupted while retrying", e);
        }
    }
}
