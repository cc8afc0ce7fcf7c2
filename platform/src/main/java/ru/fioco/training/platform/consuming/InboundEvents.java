package ru.fioco.training.platform.consuming;

import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import ru.fioco.training.platform.events.EventTypes;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * The CDI face of {@link InboundEventDispatcher}: an {@code @Incoming} method of a service calls
 * {@link #dispatch} and lets a {@link PoisonEventException} escape, so that the connector's
 * dead-letter strategy ({@code failure-strategy=dead-letter-queue}) moves the record aside.
 */
@ApplicationScoped
public class InboundEvents {

    @Inject
    ServiceDatabase database;

    @Inject
    MeterRegistry metrics;

    private ProcessedEventLog processed;
    private InboundEventDispatcher dispatcher;

    @PostConstruct
    void init() {
        processed = new ProcessedEventLog(database.collection(ProcessedEventLog.COLLECTION));
        dispatcher = new InboundEventDispatcher(processed, EventJson.mapper(), metrics);
    }

    public <E> boolean dispatch(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        return dispatcher.dispatch(consumer, record, types, handler);
    }
}
