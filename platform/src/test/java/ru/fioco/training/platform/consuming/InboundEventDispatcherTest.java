package ru.fioco.training.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.testing.TestEvent;

/**
 * The dispatcher's promises on a real (embedded) MongoDB, without Kafka: transient failures are retried until they
 * pass, a refusal goes to the dead letters once, and nothing is applied twice: not a redelivered old offset after
 * the processed-event log expired, not the same event re-sent at a new offset.
 */
class InboundEventDispatcherTest {

    private static final String TYPE = "ru.fioco.training.test.Appended";
    private static final EventTypes<TestEvent> TYPES = EventTypes.ofSealed(TestEvent.class, TestEvent.TYPE_PREFIX);

    private final MongoClient mongo = MongoClients.create(SharedTestStack.get().mongo().connectionString());
    private final MongoDatabase db = mongo.getDatabase("dispatcher-" + UUID.randomUUID().toString().substring(0, 8));
    private final List<String> deadLettered = new ArrayList<>();
    private final InboundEventDispatcher dispatcher = new InboundEventDispatcher(
            new ProcessedEventLog(db.getCollection(ProcessedEventLog.COLLECTION)), EventJson.mapper(),
            new SimpleMeterRegistry(), (consumer, record, reason) -> deadLettered.add(record.offset() + ": " + reason),
            new ConsumerPositions(db.getCollection(ConsumerPositions.COLLECTION)), Duration.ofMillis(200));

    @AfterEach
    void drop() {
        db.drop();
        mongo.close();
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndAppliedOnce() {
        AtomicInteger calls = new AtomicInteger();
        boolean applied = dispatcher.dispatch("c", record(0, "e1", null), TYPES, event -> {
            if (calls.incrementAndGet() <= 5) {
                throw new IllegalStateException("Mongo away");
            }
        });
        assertThat(applied).isTrue();
        assertThat(calls).hasValue(6);
        assertThat(dispatcher.waits()).isEmpty();
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aRefusalGoesToTheDeadLettersOnceAndThePartitionGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(dispatcher.dispatch("c", record(3, "e1", null), TYPES, event -> {
            calls.incrementAndGet();
            throw new ConflictException("завершить можно только заявку в исполнении");
        })).isFalse();
        assertThat(calls).hasValue(1);
        assertThat(deadLettered).containsExactly("3: ConflictException: завершить можно только заявку в исполнении");
        assertThat(dispatcher.dispatch("c", record(4, "e2", null), TYPES, event -> calls.incrementAndGet())).isTrue();
    }

    @Test
    void anOldOffsetRedeliveredAfterTheLogExpiredIsNotAppliedAgainButARedriveIs() {
        AtomicInteger calls = new AtomicInteger();
        dispatcher.dispatch("c", record(7, "e1", null), TYPES, event -> calls.incrementAndGet());
        db.getCollection(ProcessedEventLog.COLLECTION).deleteMany(new Document()); // the TTL index removed it

        // the group's offsets were lost: the partition is read again from 0
        assertThat(dispatcher.dispatch("c", record(7, "e1", null), TYPES, event -> calls.incrementAndGet())).isFalse();
        assertThat(dispatcher.dispatch("c", record(2, "e0", null), TYPES, event -> calls.incrementAndGet())).isFalse();
        assertThat(calls).hasValue(1);
        // a re-drive from the dead letters is behind the position by nature, and goes through
        assertThat(dispatcher.dispatch("c", record(2, "e0", "c|t|0|2"), TYPES, event -> calls.incrementAndGet())).isTrue();
        assertThat(calls).hasValue(2);
    }

    @Test
    void theSameEventReSentAtANewOffsetIsCaughtByTheLog() {
        AtomicInteger calls = new AtomicInteger();
        dispatcher.dispatch("c", record(1, "e1", null), TYPES, event -> calls.incrementAndGet());
        assertThat(dispatcher.dispatch("c", record(9, "e1", null), TYPES, event -> calls.incrementAndGet())).isFalse();
        assertThat(calls).hasValue(1);
        // another consumer of the same record applies it for itself
        assertThat(dispatcher.dispatch("d", record(9, "e1", null), TYPES, event -> calls.incrementAndGet())).isTrue();
    }

    private static ConsumerRecord<String, String> record(long offset, String ceId, String redrive) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.ID, CloudEvents.bytes(ceId));
        headers.add(CloudEvents.TYPE, CloudEvents.bytes(TYPE));
        if (redrive != null) {
            headers.add(InboundEventDispatcher.REDRIVE_HEADER, CloudEvents.bytes(redrive));
        }
        return new ConsumerRecord<>("t", 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1, "s1",
                "{\"streamId\":\"s1\",\"n\":" + offset + "}", headers, Optional.empty());
    }
}
