package ru.fioco.training.platform.consuming;

import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.events.EventTypes;
import ru.fioco.training.platform.json.EventJson;

/**
 * The CDI face of {@link InboundEventDispatcher}: an {@code @Incoming} method of a service calls
 * {@link #dispatch} and lets a {@link PoisonEventException} escape, so that the connector's
 * dead-letter strategy ({@code failure-strategy=dead-letter-queue}) moves the record aside.
 */
@ApplicationScoped
public class InboundEvents {

    @Inject
    MongoClient mongoClient;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "platform.mongodb.database")
    String database;

    private ProcessedEventLog processed;
    private InboundEventDispatcher dispatcher;

    @PostConstruct
    void init() {
        processed = new ProcessedEventLog(mongoClient.getDatabase(database).getCollection(ProcessedEventLog.COLLECTION));
        dispatcher = new InboundEventDispatcher(processed, EventJson.mapper(), metrics);
    }

    public <E> boolean dispatch(String consumer, ConsumerRecord<String, String> record, EventTypes<E> types,
            Consumer<InboundEvent<E>> handler) {
        return dispatcher.dispatch(consumer, record, types, handler);
    }

    public ProcessedEventLog processed() {
        return processed;
    }
}
