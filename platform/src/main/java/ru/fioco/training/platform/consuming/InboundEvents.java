package ru.fioco.training.platform.consuming;

import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The CDI face of {@link InboundEventDispatcher}: an {@code @Incoming} method of a service calls
 * {@link #dispatch} and lets a {@link PoisonEventException} escape, so that the connector's
 * dead-letter strategy ({@code failure-strategy=dead-letter-queue}) moves the record aside. Every record
 * passes the service's {@link InboundGate}, so a rebuild of a copy never races a live record.
 */
@ApplicationScoped
public class InboundEvents {

    @Inject
    ServiceDatabase database;

    @Inject
    MeterRegistry metrics;

    @Inject
    InboundGate gate;

    private ProcessedEventLog processed;
    private InboundEventDispatcher dispatcher;

    @PostConstruct
    void init() {
        processed = new ProcessedEventLog(database.collection(ProcessedEventLog.COLLECTION));
        dispatcher = new InboundEventDispatcher(processed, EventJson.mapper(), metrics);
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

    /** For a consumer that keeps no processed-event log (its writes are keyed by the event): the gate alone. */
    public void consume(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
        gate.pass(consumer, record, () -> {
            handler.run();
            return null;
        });
    }

    /** Applies a record again during a rebuild of the consumer's copy (the gate is closed by the rebuild). */
    public <E> boolean replay(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        return dispatcher.replay(consumer, record, types, handler);
    }

    /** Forgets which events the consumer applied, before its copy is rebuilt from the topic's start. */
    public long forget(String consumer) {
        return processed.forget(consumer);
    }
}
