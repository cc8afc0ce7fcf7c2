package ru.fioco.training.platform.axon;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import ru.fioco.training.platform.json.EventJson;

/**
 * Axon Framework on MongoDB without Spring: the event store (one database per service), the token
 * store, Jackson serialisation, and the metadata every event inherits from its command (who acted).
 * Plain Java so that the reliability tests and benchmarks build the same thing as the services do.
 */
public final class EventStoreSetup {

    /** Command metadata key naming who acted (the token subject); copied onto every event the command causes. */
    public static final String ACTOR = "actor";
    /** Command metadata key naming the actor's role. */
    public static final String ACTOR_ROLE = "actorRole";

    static final int TRACKING_BATCH = 500;

    private final MongoTemplate template;
    private final Serializer serializer;
    private final MongoEventStorageEngine mongoEngine;
    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;

    public EventStoreSetup(MongoClient client, String database, Duration lookBack, String nodeId) {
        this.template = DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
        this.serializer = JacksonSerializer.builder()
                .objectMapper(EventJson.mapper().copy())
                .lenientDeserialization()
                .build();
        this.mongoEngine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(serializer)
                .snapshotSerializer(snapshotSerializer())
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), lookBack))
                // each tracking fetch is one query sorted by timestamp; larger batches mean fewer of them
                .batchSize(TRACKING_BATCH)
                .build();
        // the unique (aggregate id, sequence number) index is what makes concurrent appends safe
        mongoEngine.ensureIndexes();
        this.storageEngine = new CommitOrderedTimestamps(mongoEngine, lookBack, restamper(template));
        this.tokenStore = MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .nodeId(nodeId)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Moves stored events to a later stamp (an insert of another replica stalled past the readers' window). */
    public static CommitOrderedTimestamps.Restamper restamper(MongoTemplate template) {
        EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
        return (ids, stamp) -> template.eventCollection().updateMany(Filters.in(fields.eventIdentifierProperty(), ids),
                Updates.set(fields.timestampProperty(), DateTimeUtils.formatInstant(stamp)));
    }

    /**
     * Snapshots are an aggregate's fields (private, as aggregates keep them) rather than its getters: an aggregate has
     * few getters, and those answer questions rather than carry state.
     */
    private static Serializer snapshotSerializer() {
        ObjectMapper mapper = EventJson.mapper().copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    /** A configurer with the event store, serialisers and token store set; services add aggregates and handlers. */
    public Configurer configurer() {
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storageEngine)
                .registerComponent(TokenStore.class, c -> tokenStore)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(ACTOR, ACTOR_ROLE)))
                .eventProcessing(processing -> processing
                        // start new projections at the first event, not flagged as a replay: Axon 4.13's
                        // replay detection misreads Mongo tokens (AxonFramework#4453) and grows them without bound
                        .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                                .forSingleThreadedProcessing()
                                .andBatchSize(100)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                        // a failing projection handler retries instead of skipping the event (Axon's default logs and skips)
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    public TokenStore tokenStore() {
        return tokenStore;
    }

    public MongoTemplate template() {
        return template;
    }

    public EventStorageEngine storageEngine() {
        return storageEngine;
    }

    /** The engine without commit ordering; only the test that demonstrates the skipped-event hazard uses it. */
    public EventStorageEngine unorderedStorageEngine() {
        return mongoEngine;
    }

    public Serializer serializer() {
        return serializer;
    }
}
