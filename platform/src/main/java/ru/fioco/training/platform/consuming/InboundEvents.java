package ru.fioco.training.platform.consuming;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.personaldata.KeyVaultRuntime;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The CDI face of {@link InboundEventDispatcher}: an {@code @Incoming} method of a service calls {@link #dispatch},
 * which retries transient failures without limit and sets a record that can never be applied aside in
 * {@link DeadLetters}; only a {@link ConsumerStoppedException} escapes (the service stops), so the channels keep
 * the connector's {@code fail} strategy and such a record stays uncommitted. Every record passes the service's
 * {@link InboundGate}, so a rebuild of a copy never races a live record.
 */
@ApplicationScoped
public class InboundEvents {

    @Inject
    ServiceDatabase database;

    @Inject
    MeterRegistry metrics;

    @Inject
    InboundGate gate;

    @Inject
    DeadLetters deadLetters;

    @Inject
    KeyVaultRuntime keyVault;

    /** The longest pause between two attempts at a record that fails for a transient reason. */
    @ConfigProperty(name = "platform.consumers.max-retry-pause", defaultValue = "PT30S")
    Duration maxRetryPause;

    /**
     * How long the processed-event log remembers an event: far longer than the publisher re-sends a batch after a
     * crash (minutes); redeliveries of old offsets are caught by {@link ConsumerPositions} instead.
     */
    @ConfigProperty(name = "platform.consumers.processed-log-retention", defaultValue = "P30D")
    Duration processedLogRetention;

    private ProcessedEventLog processed;
    private InboundEventDispatcher dispatcher;

    @PostConstruct
    void init() {
        // inbound events carry personal data encrypted: opened through the key vault
        keyVault.vault();
        processed = new ProcessedEventLog(database.collection(ProcessedEventLog.COLLECTION));
        processed.expireAfter(processedLogRetention);
        dispatcher = new InboundEventDispatcher(processed, EventJson.mapper(), metrics, deadLetters,
                new ConsumerPositions(database.collection(ConsumerPositions.COLLECTION)), maxRetryPause);
        Gauge.builder("platform.events.waiting", dispatcher, d -> d.waits().size())
                .description("consumers retrying a record that failed for a transient reason").register(metrics);
        Gauge.builder("platform.events.dead_letters_waiting", deadLetters, DeadLetters::waiting)
                .description("dead-lettered records staff have not re-driven").register(metrics);
    }

    // before the connector and Mongo close: a consumer that retries gives up its record (uncommitted) at once
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        dispatcher.stop();
    }

    /** What each consumer of the service is retrying now, for the health check. */
    public Map<String, InboundEventDispatcher.Wait> waits() {
        return dispatcher.waits();
    }

    public <E> boolean dispatch(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        return gate.pass(consumer, record, () -> dispatcher.dispatch(consumer, record, types, handler));
    }

    /**
     * A listener that keeps a copy and acts on it: {@code copy} writes the copy (and is all a rebuild replays),
     * then {@code act} runs the policy, which may read what was just copied.
     */
    public <E> boolean dispatch(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> copy, Consumer<InboundEvent<E>> act) {
        return dispatch(consumer, record, types, copy.andThen(act));
    }

    /**
     * For a consumer that keeps no processed-event log (its writes are keyed by the event): the gate, the retries
     * and the dead letters (the handler throws {@link PoisonEventException} for a record it can never apply).
     */
    public void consume(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
        gate.pass(consumer, record, () -> {
            dispatcher.run(consumer, record, handler);
            return null;
        });
    }

    /**
     * Applies a record again during a rebuild of the consumer's copy, into the copy being built. It keeps a
     * processed-event log of its own (the live consumer's stays as it is, true of the live copy all along).
     */
    public <E> boolean replay(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        return dispatcher.replay(replayLog(consumer), record, types, handler);
    }

    /** Forgets what a rebuild of the consumer's copy replayed: before it begins, and once it is switched in. */
    public long forgetReplay(String consumer) {
        return processed.forget(replayLog(consumer));
    }

    private static String replayLog(String consumer) {
        return consumer + "#rebuild";
    }

    /** Forgets which events the consumer applied. */
    public long forget(String consumer) {
        return processed.forget(consumer);
    }
}
