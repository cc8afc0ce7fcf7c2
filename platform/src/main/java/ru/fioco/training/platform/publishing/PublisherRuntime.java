package ru.fioco.training.platform.publishing;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.kafka.KafkaClients;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** Runs the service's {@link EventPublisher} from start to shutdown. */
@ApplicationScoped
public class PublisherRuntime {

    @Inject
    AxonRuntime axon;

    /** A service that publishes nothing yet has no publication. */
    @Inject
    Instance<EventPublication> publication;

    @Inject
    MeterRegistry metrics;

    @Inject
    KafkaClients kafka;

    @ConfigProperty(name = "platform.publisher.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "platform.publisher.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    ServiceDatabase database;

    private EventPublisher publisher;
    private PublisherQuarantine quarantine;
    private MongoCollection<Document> events;

    void start(@Observes @Priority(20) StartupEvent event) {
        if (!enabled || !publication.isResolvable()) {
            return;
        }
        EventPublication what = publication.get();
        String name = "kafka-publisher-" + what.topic();
        quarantine = new PublisherQuarantine(database.collection(PublisherQuarantine.COLLECTION));
        events = axon.eventStoreSetup().template().eventCollection();
        publisher = new EventPublisher(name, axon.configuration().eventStore(), axon.eventStoreSetup().tokenStore(),
                () -> new KafkaProducer<>(kafka.settings(EventPublisher.producerConfig(name))),
                what, EventJson.mapper(), batchSize, metrics, quarantine);
        Gauge.builder("platform.events.unpublished", this, PublisherRuntime::unpublished)
                .description("events stored but not yet acknowledged by Kafka")
                .tag("topic", what.topic()).register(metrics);
        Gauge.builder("platform.events.parked", this, r -> r.publisher.parked().isPresent() ? 1 : 0)
                .description("1 while the publisher waits at a parked event").tag("topic", what.topic())
                .register(metrics);
        publisher.start();
    }

    /**
     * The publisher's lag: events stored after the newest one Kafka acknowledged (an estimate: events stored in the
     * same millisecond as that one are not counted). Every event stored since the start counts before the first
     * acknowledgement of a fresh store.
     */
    public long unpublished() {
        if (publisher == null) {
            return 0;
        }
        Instant upTo = publisher.acknowledgedUpTo();
        String timestamp = EventEntryConfiguration.getDefault().timestampProperty();
        return upTo == null ? events.countDocuments()
                : events.countDocuments(Filters.gt(timestamp, DateTimeUtils.formatInstant(upTo)));
    }

    /** {@code null} in a service that publishes nothing. */
    public PublisherQuarantine quarantine() {
        return quarantine;
    }

    // observers with lower priority values are notified first: the publisher stops before Axon does
    void stop(@Observes @Priority(5) ShutdownEvent event) {
        if (publisher != null) {
            publisher.close();
        }
    }

    public EventPublisher publisher() {
        return publisher;
    }
}
