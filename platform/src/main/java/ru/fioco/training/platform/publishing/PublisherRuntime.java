package ru.fioco.training.platform.publishing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.json.EventJson;

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

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "platform.publisher.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "platform.publisher.batch-size", defaultValue = "200")
    int batchSize;

    private EventPublisher publisher;

    void start(@Observes @Priority(20) StartupEvent event) {
        if (!enabled || !publication.isResolvable()) {
            return;
        }
        EventPublication what = publication.get();
        String name = "kafka-publisher-" + what.topic();
        publisher = new EventPublisher(name, axon.configuration().eventStore(), axon.eventStoreSetup().tokenStore(),
                () -> new KafkaProducer<>(EventPublisher.producerConfig(bootstrapServers, name)),
                what, EventJson.mapper(), batchSize, metrics);
        publisher.start();
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
