package ru.fioco.training.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.testing.CountingConsumer;
import ru.fioco.training.platform.testing.PublishingFixture;
import ru.fioco.training.platform.testing.StoredEvents;
import ru.fioco.training.platform.testing.TopicReader;

/** Event store to Kafka, without Quarkus: real Kafka broker in-process (shared per JVM), Mongo wire server in memory. */
class EventPublisherTest {

    private final SharedTestStack stack = SharedTestStack.get();

    @Test
    void rawMongoEngineSkipsAnEventCommittedLateWithAnOldTimestamp() {
        // the hazard the design closes, shown on the engine without commit ordering
        try (PublishingFixture f = new PublishingFixture(stack.mongo().connectionString(), stack.kafka().bootstrapServers(), false);
             EventPublisher publisher = f.publisher(50)) {
            publisher.start();
            f.append("s1", 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.publishedCount() == 1);
            String late = f.append("s2", 0, Instant.now().minusSeconds(10));
            String after = f.append("s3", 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.publishedCount() == 2);

            Set<String> published = StoredEvents.ceIds(TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic()));
            assertThat(published).contains(after).doesNotContain(late);
            assertThat(StoredEvents.ids(f.mongo().getDatabase(f.database()))).contains(late);
        }
    }

    @Test
    void eventCommittedLateWithAnOldTimestampIsPublishedWhenCommitsAreOrdered() {
        try (PublishingFixture f = new PublishingFixture(stack.mongo().connectionString(), stack.kafka().bootstrapServers(), true);
             EventPublisher publisher = f.publisher(50)) {
            publisher.start();
            f.append("s1", 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.publishedCount() == 1);
            String late = f.append("s2", 0, Instant.now().minusSeconds(10));
            String after = f.append("s3", 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.publishedCount() == 3);

            Set<String> published = StoredEvents.ceIds(TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic()));
            assertThat(published).contains(late, after);
        }
    }

    @Test
    void everyEventOfSixteenConcurrentWritersReachesKafkaOnceAndInOrderPerKey() throws Exception {
        int writers = 16;
        int eventsPerWriter = 500;
        try (PublishingFixture f = new PublishingFixture(stack.mongo().connectionString(), stack.kafka().bootstrapServers(), true);
             EventPublisher publisher = f.publisher(200)) {
            publisher.start();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String[] streams = {"writer-" + w + "-a", "writer-" + w + "-b"};
                done.add(pool.submit(() -> {
                    for (int i = 0; i < eventsPerWriter; i++) {
                        // each event created "earlier" than it commits, by up to 3 s, as slow writers do
                        Instant created = Instant.now().minusMillis(ThreadLocalRandom.current().nextLong(3_000));
                        f.append(streams[i % 2], i / 2, created);
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            pool.shutdown();
            int total = writers * eventsPerWriter;
            await().atMost(Duration.ofMinutes(3)).until(() -> publisher.publishedCount() >= total);

            List<ConsumerRecord<String, String>> records = TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic());
            Set<String> stored = StoredEvents.ids(f.mongo().getDatabase(f.database()));
            assertThat(stored).hasSize(total);
            assertThat(StoredEvents.ceIds(records)).isEqualTo(stored);
            assertThat(records).hasSize(total); // no failure happened, so not even a duplicate
            Map<String, List<Long>> perKey = StoredEvents.sequencesPerKey(records);
            assertThat(perKey).hasSize(writers * 2);
            perKey.forEach((key, seqs) -> assertThat(seqs).as(key)
                    .containsExactlyElementsOf(LongStream.range(0, eventsPerWriter / 2).boxed().toList()));
            records.forEach(r -> {
                assertThat(CloudEvents.header(r.headers(), CloudEvents.TYPE)).isEqualTo("ru.fioco.training.test.Appended");
                assertThat(CloudEvents.header(r.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(CloudEvents.header(r.headers(), CloudEvents.SOURCE)).isEqualTo("/platform-tests");
                assertThat(CloudEvents.header(r.headers(), CloudEvents.SUBJECT)).isEqualTo(r.key());
                assertThat(CloudEvents.header(r.headers(), CloudEvents.TIME)).isNotBlank();
            });
        }
    }

    @Test
    void publisherKilledWhilePublishingResumesWithNothingLostAndDuplicatesAbsorbed() {
        int streams = 20;
        int perStream = 150;
        try (PublishingFixture f = new PublishingFixture(stack.mongo().connectionString(), stack.kafka().bootstrapServers(), true);
             CountingConsumer consumer = new CountingConsumer(stack.kafka().bootstrapServers(), f.topic(),
                     f.mongo().getDatabase(f.database()))) {
            for (int n = 0; n < perStream; n++) {
                for (int s = 0; s < streams; s++) {
                    f.append("stream-" + s, n);
                }
            }
            EventPublisher first = f.publisher(25);
            first.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> first.publishedCount() >= 500);
            first.kill();
            assertThat(first.publishedCount()).isLessThan(streams * perStream);

            try (EventPublisher second = f.publisher(25)) {
                second.start();
                await().atMost(Duration.ofMinutes(2)).until(() -> first.publishedCount() + second.publishedCount() >= streams * perStream);
            }

            List<ConsumerRecord<String, String>> records = TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic());
            assertThat(StoredEvents.ceIds(records)).isEqualTo(StoredEvents.ids(f.mongo().getDatabase(f.database())));
            StoredEvents.sequencesPerKey(records).forEach((key, seqs) -> assertThat(seqs).as(key)
                    .containsExactlyElementsOf(LongStream.range(0, perStream).boxed().toList()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Integer> counts = consumer.counts();
                assertThat(counts).hasSize(streams);
                assertThat(counts.values()).allMatch(c -> c == perStream);
            });
        }
    }

    @Test
    void anEventKafkaRefusesIsParkedUntilStaffDecideAndNothingAfterItIsLostOrDuplicated() {
        try (PublishingFixture f = new PublishingFixture(stack.mongo().connectionString(), stack.kafka().bootstrapServers(), true)) {
            List<String> before = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                before.add(f.append("a", n));
                before.add(f.append("b", n));
            }
            // 2 MB of key and payload: over the producer's 1 MB request limit, as the oversized participant id was
            String oversized = f.append("x".repeat(2_000_000), 0);
            for (int n = 5; n < 10; n++) {
                f.append("a", n);
                f.append("b", n);
            }
            EventPublisher first = f.publisher(50);
            first.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> first.parked().isPresent());
            PublisherQuarantine.Entry parked = first.parked().orElseThrow();
            assertThat(parked.eventId()).isEqualTo(oversized);
            assertThat(parked.reason()).contains("RecordTooLargeException");
            assertThat(parked.state()).isEqualTo(PublisherQuarantine.State.PARKED);
            // what came before it is published and acknowledged; nothing after it
            assertThat(StoredEvents.ceIds(TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic())))
                    .containsExactlyInAnyOrderElementsOf(before);
            first.close();

            // a restart does not move past it; a release that does not cure it parks it again
            try (EventPublisher second = f.publisher(50)) {
                second.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> second.parked().isPresent());
                f.quarantine().release(oversized, "staff-1");
                await().atMost(Duration.ofSeconds(30)).until(() -> f.quarantine().get(oversized).state()
                        == PublisherQuarantine.State.PARKED && f.quarantine().get(oversized).parkedAt().isAfter(parked.parkedAt()));
                assertThat(TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic())).hasSize(before.size());

                f.quarantine().skip(oversized, "staff-1", "идентификатор участника из 2 МБ: ошибка ввода");
                await().atMost(Duration.ofSeconds(60)).until(() -> second.parked().isEmpty() && second.publishedCount() >= 10);
            }
            List<ConsumerRecord<String, String>> records = TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic());
            Set<String> expected = new HashSet<>(StoredEvents.ids(f.mongo().getDatabase(f.database())));
            expected.remove(oversized);
            assertThat(records).hasSize(expected.size()); // no duplicates
            assertThat(StoredEvents.ceIds(records)).isEqualTo(expected);
            StoredEvents.sequencesPerKey(records).forEach((key, seqs) -> assertThat(seqs).as(key)
                    .containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList()));
            PublisherQuarantine.Entry skipped = f.quarantine().get(oversized);
            assertThat(skipped.state()).isEqualTo(PublisherQuarantine.State.SKIPPED);
            assertThat(skipped.decidedBy()).isEqualTo("staff-1");
            assertThat(skipped.skipReason()).contains("ошибка ввода");
        }
    }

    /**
     * Two replicas write to one event store; one's insert stalls three times the readers' look-back while the
     * other keeps writing and the publisher keeps publishing. Left where it was stamped, the late event is passed
     * by for good; moved to a current stamp once its insert returns, it is published.
     */
    @Test
    void anInsertOfAnotherReplicaThatStallsPastTheReadersWindowIsStillPublished() {
        assertThat(lateInsertPublished(false)).as("left behind without the move").isFalse();
        assertThat(lateInsertPublished(true)).as("published with the move").isTrue();
    }

    private boolean lateInsertPublished(boolean moveLate) {
        try (PublishingFixture f = new PublishingFixture(stack.mongo().connectionString(), stack.kafka().bootstrapServers(), true);
             EventPublisher publisher = f.publisher(50)) {
            publisher.start();
            EmbeddedEventStore slowReplica = f.stallingWriter(PublishingFixture.LOOK_BACK.multipliedBy(3), moveLate);
            CompletableFuture<String> late = CompletableFuture.supplyAsync(
                    () -> PublishingFixture.append(slowReplica, "late", 0));
            // the other replica writes every 100 ms while the insert stalls; the publisher follows it
            AtomicLong n = new AtomicLong();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                f.append("busy", n.getAndIncrement());
                return late.isDone();
            });
            String after = f.append("after", 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> StoredEvents.ceIds(
                    TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic())).contains(after));
            String lateId = late.join();
            assertThat(StoredEvents.ids(f.mongo().getDatabase(f.database()))).contains(lateId);
            // everything the busy replica wrote is out; the late one is either out by now or never will be
            return StoredEvents.ceIds(TopicReader.readAll(stack.kafka().bootstrapServers(), f.topic())).contains(lateId);
        }
    }
}
