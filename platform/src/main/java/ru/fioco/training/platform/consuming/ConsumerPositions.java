package ru.fioco.training.platform.consuming;

import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The highest offset each consumer finished per topic partition, kept in the service's database. A record at or
 * below it is one the consumer already had: redelivered after its group's committed offsets were lost (Kafka drops
 * them a week after a group was last seen, and {@code auto.offset.reset=earliest} then starts again at offset 0).
 * This is what lets the processed-event log expire: it only has to catch what a position cannot, the same event
 * published twice at two offsets (a publisher's batch re-sent after a crash, within minutes).
 *
 * <p>Positions are per topic name: a topic deleted and created again (offsets from 0) needs its positions removed
 * by the operator, or its records would be taken for old ones.
 */
public final class ConsumerPositions {

    public static final String COLLECTION = "consumer_positions";

    private final MongoCollection<Document> collection;

    public ConsumerPositions(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public boolean passed(String consumer, ConsumerRecord<?, ?> record) {
        Document position = collection.find(Filters.eq("_id", key(consumer, record))).first();
        return position != null && position.get("offset", Number.class).longValue() >= record.offset();
    }

    public void advance(String consumer, ConsumerRecord<?, ?> record) {
        collection.updateOne(Filters.eq("_id", key(consumer, record)), Updates.combine(
                        Updates.setOnInsert("consumer", consumer), Updates.max("offset", record.offset())),
                new UpdateOptions().upsert(true));
    }

    /** Per partition of every topic {@code consumer} reads: the offset after the last record it finished. */
    public Map<TopicPartition, Long> nextOffsets(String consumer) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (Document position : collection.find(Filters.eq("consumer", consumer))) {
            String id = position.getString("_id");
            int partitionAt = id.lastIndexOf('|');
            String topic = id.substring(consumer.length() + 1, partitionAt);
            next.put(new TopicPartition(topic, Integer.parseInt(id.substring(partitionAt + 1))),
                    position.get("offset", Number.class).longValue() + 1);
        }
        return next;
    }

    private static String key(String consumer, ConsumerRecord<?, ?> record) {
        return consumer + "|" + record.topic() + "|" + record.partition();
    }
}
