package ru.fioco.training.platform.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import ru.fioco.training.platform.consuming.InboundEventDispatcher;
import ru.fioco.training.platform.consuming.ProcessedEventLog;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.json.EventJson;

/**
 * A consumer whose effect is not idempotent by itself: it increments a counter per stream. Only the
 * dispatcher's processed-event log keeps a redelivered event from counting twice, so the counters
 * show whether every event was applied exactly once.
 */
public final class CountingConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final InboundEventDispatcher dispatcher;
    private final MongoCollection<Document> counters;
    private final EventTypes<TestEvent> types = EventTypes.ofSealed(TestEvent.class, TestEvent.TYPE_PREFIX);
    private final Thread thread;
    private volatile boolean running = true;

    public CountingConsumer(String bootstrapServers, String topic, MongoDatabase db) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "counting-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "true");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        dispatcher = new InboundEventDispatcher(new ProcessedEventLog(db.getCollection(ProcessedEventLog.COLLECTION)),
                EventJson.mapper(), new SimpleMeterRegistry(), (consumer, record, reason) -> {
                    throw new IllegalStateException("the test's events are always applicable: " + reason);
                }, null, Duration.ofSeconds(1));
        counters = db.getCollection("counters");
        thread = new Thread(this::run, "counting-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    dispatcher.<TestEvent>dispatch("counting", record, types, event -> {
                        TestEvent.Appended appended = (TestEvent.Appended) event.payload();
                        counters.updateOne(Filters.eq("_id", appended.streamId()), Updates.inc("applied", 1),
                                new UpdateOptions().upsert(true));
                    });
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Applied events per stream id. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        counters.find().forEach(d -> counts.put(d.getString("_id"), d.getInteger("applied")));
        return counts;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
