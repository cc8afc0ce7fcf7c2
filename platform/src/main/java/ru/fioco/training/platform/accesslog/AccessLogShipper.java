package ru.fioco.training.platform.accesslog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Sends the entries of a service's access log that are not yet on the {@value AccessLog#TOPIC} topic, oldest first,
 * and marks them sent once Kafka has acknowledged them. The log is the outbox: a view is recorded with the request
 * that showed it, and a broker that is down only delays the shipping. A crash between the acknowledgement and the
 * mark sends an entry again; its id, the same every time, lets the receiver keep it once.
 */
public final class AccessLogShipper implements AutoCloseable {

    static final String SHIPPED = "shipped";

    private final MongoCollection<Document> log;
    private final Supplier<Producer<String, String>> producers;
    private final ObjectMapper json;
    private final int batchSize;
    private Producer<String, String> producer;

    public AccessLogShipper(MongoCollection<Document> log, Supplier<Producer<String, String>> producers,
            ObjectMapper json, int batchSize) {
        this.log = log;
        this.producers = producers;
        this.json = json;
        this.batchSize = batchSize;
    }

    /** What the producer needs beyond the connection: nothing lost once acknowledged. */
    public static java.util.Map<String, Object> producerConfig(String clientId) {
        return java.util.Map.of(ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    /**
     * Ships one batch; returns how many entries Kafka acknowledged. A failure leaves the batch unmarked for the next
     * call (and a fresh producer: one that failed may hold a broken connection state).
     */
    public int shipOnce() throws InterruptedException {
        List<Document> batch = log.find(Filters.eq(SHIPPED, false)).sort(Sorts.ascending("at", "_id"))
                .limit(batchSize).into(new ArrayList<>());
        if (batch.isEmpty()) {
            return 0;
        }
        if (producer == null) {
            producer = producers.get();
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        List<Object> ids = new ArrayList<>(batch.size());
        try {
            for (Document d : batch) {
                AccessLog.Shipped entry = shipped(d);
                // keyed by the person's first key: one person's entries stay in order on one partition
                String key = entry.subjects().isEmpty() ? entry.applicationId() : entry.subjects().get(0);
                sent.add(producer.send(new ProducerRecord<>(AccessLog.TOPIC, key, json.writeValueAsString(entry))));
                ids.add(d.get("_id"));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException | RuntimeException | JsonProcessingException e) {
            closeProducer();
            throw new IllegalStateException("access log not shipped, retried next time: " + e.getMessage(), e);
        }
        log.updateMany(Filters.in("_id", ids), Updates.set(SHIPPED, true));
        return ids.size();
    }

    /** The entry as the topic carries it; an old entry without a service name is named by this log's. */
    static AccessLog.Shipped shipped(Document d) {
        Object rawId = d.get("_id");
        String id = rawId instanceof ObjectId o ? o.toHexString() : String.valueOf(rawId);
        String service = d.getString("service");
        return new AccessLog.Shipped(service + "/" + id, service, d.getDate("at").toInstant(), d.getString("actor"),
                d.getString("role"), d.getString("kind"), d.getString("applicationId"),
                d.getList("subjects", String.class, List.of()), d.getString("objectId"));
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // closing a broken producer: nothing more to do
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        closeProducer();
    }
}
