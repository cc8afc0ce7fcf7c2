package ru.fioco.training.platform.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.TopicReader;

/** The access log as an outbox: what a service logged reaches the topic once acknowledged, and waits out an outage. */
class AccessLogShipperTest {

    private final SharedTestStack stack = SharedTestStack.get();
    private final MongoClient mongo = MongoClients.create(stack.mongo().connectionString());
    private final MongoCollection<Document> log = mongo.getDatabase("access-" + UUID.randomUUID().toString()
            .substring(0, 8)).getCollection(AccessLog.COLLECTION);

    @AfterEach
    void close() {
        log.drop();
        mongo.close();
    }

    @Test
    void loggedViewsReachTheTopicInOrderAndAreMarkedOnceAcknowledged() throws Exception {
        String person = "participant:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            logged(person, "d-" + i, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i));
        }
        try (AccessLogShipper shipper = shipper(stack.kafka().bootstrapServers(), 2)) {
            assertThat(shipper.shipOnce()).isEqualTo(2);
            assertThat(shipper.shipOnce()).isEqualTo(2);
            assertThat(shipper.shipOnce()).isEqualTo(1);
            assertThat(shipper.shipOnce()).as("nothing left").isZero();
        }
        assertThat(log.countDocuments(Filters.eq(AccessLogShipper.SHIPPED, false))).isZero();

        List<AccessLog.Shipped> onTopic = onTopic(person);
        assertThat(onTopic).extracting(AccessLog.Shipped::objectId).containsExactly("d-0", "d-1", "d-2", "d-3", "d-4");
        AccessLog.Shipped first = onTopic.get(0);
        assertThat(first.id()).startsWith("document-service/");
        assertThat(first.service()).isEqualTo("document-service");
        assertThat(first.kind()).isEqualTo("SCAN_DOWNLOADED");
        assertThat(first.actor()).isEqualTo("staff@fioco.ru");
        assertThat(first.subjects()).containsExactly(person);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aBrokerThatIsDownLeavesTheEntriesToBeShippedLater() throws Exception {
        String person = "participant:" + UUID.randomUUID();
        logged(person, "d-down", Instant.now());
        // nothing listens on port 9: the send cannot be acknowledged within the producer's block time
        try (AccessLogShipper down = shipper("127.0.0.1:9", 10)) {
            assertThatThrownBy(down::shipOnce).isInstanceOf(IllegalStateException.class);
        }
        assertThat(log.countDocuments(Filters.eq(AccessLogShipper.SHIPPED, false))).isEqualTo(1);
        try (AccessLogShipper up = shipper(stack.kafka().bootstrapServers(), 10)) {
            assertThat(up.shipOnce()).isEqualTo(1);
        }
        assertThat(onTopic(person)).extracting(AccessLog.Shipped::objectId).containsExactly("d-down");
    }

    private void logged(String person, String objectId, Instant at) {
        log.insertOne(new Document("at", Date.from(at)).append("actor", "staff@fioco.ru").append("role", "staff")
                .append("kind", "SCAN_DOWNLOADED").append("applicationId", "app-1").append("subjects", List.of(person))
                .append("objectId", objectId).append("service", "document-service")
                .append(AccessLogShipper.SHIPPED, false));
    }

    private AccessLogShipper shipper(String bootstrap, int batch) {
        Map<String, Object> config = new java.util.HashMap<>(AccessLogShipper.producerConfig("test-shipper"));
        config.put("bootstrap.servers", bootstrap);
        config.put("max.block.ms", 2000);
        return new AccessLogShipper(log, () -> new KafkaProducer<>(config), EventJson.mapper(), batch);
    }

    private List<AccessLog.Shipped> onTopic(String person) throws Exception {
        List<AccessLog.Shipped> found = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicReader.readAll(stack.kafka().bootstrapServers(), AccessLog.TOPIC)) {
            if (person.equals(r.key())) {
                found.add(EventJson.mapper().readValue(r.value(), AccessLog.Shipped.class));
            }
        }
        return found;
    }
}
