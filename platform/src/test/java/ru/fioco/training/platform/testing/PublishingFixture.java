package ru.fioco.training.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;

import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.publishing.EventPublication;
import ru.fioco.training.platform.publishing.EventPublisher;
import ru.fioco.training.platform.publishing.PublisherQuarantine;

/**
 * An event store on a fresh Mongo database and a publisher to a fresh topic, built exactly as a
 * service builds them, without Quarkus: for reliability tests and benchmarks.
 */
public final class PublishingFixture implements AutoCloseable {

    private final String bootstrapServers;
    private final MongoClient mongo;
    private final String database;
    private final String topic;
    private final EventStoreSetup setup;
    private final EmbeddedEventStore eventStore;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    public PublishingFixture(String mongoConnection, String bootstrapServers, boolean commitOrdered) {
        this.bootstrapServers = bootstrapServers;
        this.mongo = MongoClients.create(mongoConnection);
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.database = "test-" + id;
        this.topic = "test-events-" + id;
        this.setup = new EventStoreSetup(mongo, database, Duration.ofSeconds(1), "test-node-" + id);
        EventStorageEngine engine = commitOrdered ? setup.storageEngine() : setup.unorderedStorageEngine();
        this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    public String topic() {
        return topic;
    }

    public MongoClient mongo() {
        return mongo;
    }

    public String database() {
        return database;
    }

    public EmbeddedEventStore eventStore() {
        return eventStore;
    }

    public SimpleMeterRegistry metrics() {
        return metrics;
    }

    /** Appends the {@code n}-th event of a stream, stamped as if created at {@code createdAt} (a slow writer). */
    public String append(String streamId, long n, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("TestStream", streamId, n,
                new TestEvent.Appended(streamId, n), MetaData.emptyInstance(), id, createdAt));
        return id;
    }

    public String append(String streamId, long n) {
        return append(streamId, n, Clock.systemUTC().instant());
    }

    /** A new publisher instance (as a freshly started service would create), with its own node id. */
    public EventPublisher publisher(int batchSize) {
        EventStoreSetup node = new EventStoreSetup(mongo, database, Duration.ofSeconds(1),
                "publisher-" + UUID.randomUUID());
        EventPublication publication = new EventPublication() {
            private final EventTypes<TestEvent> types = EventTypes.ofSealed(TestEvent.class, TestEvent.TYPE_PREFIX);

            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String source() {
                return "/platform-tests";
            }

            @Override
            public EventTypes<?> types() {
                return types;
            }
        };
        String name = "kafka-publisher-" + topic;
        return new EventPublisher(name, eventStore, node.tokenStore(),
                () -> new KafkaProducer<>(Map.copyOf(EventPublisher.producerConfig(bootstrapServers, name))),
                publication, EventJson.mapper(), batchSize, metrics, quarantine());
    }

    /** The quarantine every publisher of this fixture parks unpublishable events in. */
    public PublisherQuarantine quarantine() {
        return new PublisherQuarantine(mongo.getDatabase(database).getCollection(PublisherQuarantine.COLLECTION));
    }

    @Override
    public void close() {
        eventStore.shutDown();
        mongo.getDatabase(database).drop();
        mongo.close();
    }
}
