package ru.fioco.training.platform.consuming;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.errors.Refusals;
import ru.fioco.training.platform.events.CloudEvents;

/**
 * The one way a service applies another service's events: reads the CloudEvents headers, skips an event this
 * consumer already applied, turns the JSON into the producer's event record, runs the handler and records the
 * event as applied.
 *
 * <p>Two kinds of failure are told apart. A record that can never be applied (it cannot be decoded, its type is
 * unknown, or a rule of ours refuses it: {@link #isForGood}) goes to the consumer's own dead letters, where staff
 * see it and may re-drive it, and the partition goes on. Anything else (Mongo away, a busy aggregate, a copy not
 * yet written) is retried with pauses growing to {@code maxPause}, without limit: the partition waits, and
 * {@link #waits()} says on what, for the health check. Nothing is ever dropped because it failed a few times.
 *
 * <p>Exactly one effect per event holds when the handler's effect and the record of it cannot be torn apart; a
 * crash between the two re-runs the handler on redelivery, so handlers write their effects idempotently (upserts
 * keyed by the object, guarded by the event id).
 */
public final class InboundEventDispatcher {

    private static final Logger LOG = Logger.getLogger(InboundEventDispatcher.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    /** Where a record that can never be applied goes; {@link DeadLetters} in a service. */
    @FunctionalInterface
    public interface DeadLetterSink {
        void deadLetter(String consumer, ConsumerRecord<String, String> record, String reason);
    }

    /** What a consumer is stuck on: the record it retries, since when, how often, and the last failure. */
    public record Wait(String consumer, String record, String eventId, int attempts, Instant since, String lastError) {
    }

    private final ProcessedEventLog processed;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final DeadLetterSink deadLetters;
    private final ConsumerPositions positions;
    private final Duration maxPause;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** @param positions {@code null} for a consumer whose group offsets are never lost (tests) */
    public InboundEventDispatcher(ProcessedEventLog processed, ObjectMapper json, MeterRegistry metrics,
            DeadLetterSink deadLetters, ConsumerPositions positions, Duration maxPause) {
        this.processed = processed;
        this.json = json;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.positions = positions;
        this.maxPause = maxPause;
    }

    /** A record staff re-drive from the dead letters carries this header: its offset is behind the position. */
    public static final String REDRIVE_HEADER = "platform-redrive";

    /**
     * Applies one record for {@code consumer}, retrying transient failures until they pass.
     *
     * @return {@code true} if the handler ran, {@code false} for a duplicate or a dead-lettered record
     * @throws ConsumerStoppedException when the thread is interrupted (the service stops): the record stays
     *                                  uncommitted and comes again
     */
    public <E> boolean dispatch(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        return Boolean.TRUE.equals(untilDone(consumer, record, () -> apply(consumer, record, types, handler)));
    }

    /** Runs a handler that keeps no processed-event log (its writes are keyed by the event) with the same retries. */
    public void run(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
        untilDone(consumer, record, () -> {
            handler.run();
            return Boolean.TRUE;
        });
    }

    /**
     * Applies one record again while a copy is rebuilt from the topic's start: like {@link #dispatch}, but a
     * record that cannot be applied is only counted (it went to the dead letters when it first came).
     *
     * @return {@code true} if the handler ran, {@code false} for a duplicate or a record that cannot be applied
     */
    public <E> boolean replay(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        try {
            return apply(consumer, record, types, handler);
        } catch (RuntimeException e) {
            if (!isForGood(e)) {
                throw e; // the rebuild fails and can be started again; nothing is half-written in the live copy
            }
            LOG.debugf("Replay of %s skips %s: %s", consumer, position(record), e.getMessage());
            return false;
        }
    }

    /** The service stops: a consumer retrying a record gives it up (uncommitted) instead of pausing again. */
    public void stop() {
        stopping = true;
    }

    /** What every consumer of this service currently retries. */
    public Map<String, Wait> waits() {
        return Map.copyOf(waits);
    }

    private Boolean applyOrDeadLetter(String consumer, ConsumerRecord<String, String> record, Supplier<Boolean> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!isForGood(e)) {
                throw e;
            }
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Dead-lettering %s for %s (ce_id %s): %s", position(record), consumer,
                    CloudEvents.header(record.headers(), CloudEvents.ID), reason);
            deadLetters.deadLetter(consumer, record, reason);
            metrics.counter("platform.events.dead_lettered", "consumer", consumer, "topic", record.topic()).increment();
            return Boolean.FALSE;
        }
    }

    /** A failure no retry cures: the record or a rule of ours refuses it. */
    public static boolean isForGood(Throwable e) {
        return e instanceof PoisonEventException || Refusals.byRule(e);
    }

    private Boolean untilDone(String consumer, ConsumerRecord<String, String> record, Supplier<Boolean> work) {
        Duration pause = FIRST_PAUSE;
        int attempts = 0;
        Instant since = null;
        boolean positioned = positions != null && CloudEvents.header(record.headers(), REDRIVE_HEADER) == null;
        try {
            while (true) {
                attempts++;
                try {
                    if (positioned && positions.passed(consumer, record)) {
                        metrics.counter("platform.events.duplicates", "consumer", consumer).increment();
                        return Boolean.FALSE;
                    }
                    Boolean done = applyOrDeadLetter(consumer, record, work);
                    if (positioned) {
                        positions.advance(consumer, record);
                    }
                    return done;
                } catch (RuntimeException transientFailure) {
                    if (since == null) {
                        since = Instant.now();
                    }
                    waits.put(consumer, new Wait(consumer, position(record),
                            CloudEvents.header(record.headers(), CloudEvents.ID), attempts, since,
                            transientFailure.toString()));
                    if (attempts == 1 || attempts % 10 == 0) {
                        LOG.warnf("%s waits on %s (attempt %d): %s", consumer, position(record), attempts,
                                transientFailure.toString());
                    }
                    if (stopping) {
                        throw new InterruptedException("stopping");
                    }
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppedException(consumer, position(record));
        } finally {
            waits.remove(consumer);
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
        handler.accept(event);
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

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
