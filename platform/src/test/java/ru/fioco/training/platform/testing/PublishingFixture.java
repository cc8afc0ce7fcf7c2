package ru.fioco.training.platform.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.axon.CommitOrderedTimestamps;
import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.publishing.EventPublication;
import ru.fioco.training.platform.publishing.EventPublisher;
import ru.fioco.training.platform.publishing.PublisherQuarantine;

/**
 * An event store on a fresh Mongo database and a publisher to a fresh topic, built exactly as a
 * service builds them, without Quarkus: for reliability tests and benchmarks.
 */
public final class PublishingFixture implements AutoCloseable {

    /** The readers' look-back window here: short, so that a stall past it takes a test seconds. */
    public static final Duration LOOK_BACK = Duration.ofSeconds(1);

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
        this.setup = new EventStoreSetup(mongo, database, LOOK_BACK, "test-node-" + id);
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

    /**
     * A second writer on the same event store (another replica of the service) whose every insert stalls for
     * {@code stall} after its events were stamped, as during a replica-set election. With {@code moveLate} it moves
     * a late insert's events to a current stamp, as the services' engine does; without, it leaves them behind.
     */
    public EmbeddedEventStore stallingWriter(Duration stall, boolean moveLate) {
        EventStoreSetup other = new EventStoreSetup(mongo, database, LOOK_BACK, "writer-" + UUID.randomUUID());
        EventStorageEngine raw = other.unorderedStorageEngine();
        EventStorageEngine stalling = (EventStorageEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventStorageEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("appendEvents")) {
                        Thread.sleep(stall.toMillis()); // the fault: an insert held up on its way to the server
                    }
                    try {
                        return method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        EventStorageEngine engine = new CommitOrderedTimestamps(stalling, LOOK_BACK,
                moveLate ? EventStoreSetup.restamper(other.template()) : null);
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    public static String append(EmbeddedEventStore store, String streamId, long n) {
        String id = UUID.randomUUID().toString();
        store.publish(new GenericDomainEventMessage<>("TestStream", streamId, n, new TestEvent.Appended(streamId, n),
                MetaData.emptyInstance(), id, Clock.systemUTC().instant()));
        return id;
    }

    /** A new publisher instance (as a freshly started service would create), with its own node id. */
    public EventPublisher publisher(int batchSize) {
        EventStoreSetup node = new EventStoreSetup(mongo, database, LOOK_BACK,
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
                () -> new KafkaProducer<>(producerConfig(name)),
                publication, EventJson.mapper(), batchSize, metrics, quarantine());
    }

    private Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(EventPublisher.producerConfig(clientId));
        config.put("bootstrap.servers", bootstrapServers);
        return config;
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
