package ru.fioco.training.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.EmbeddedKafka;
import ru.fioco.training.devstack.SharedTestStack;
import ru.fioco.training.platform.testing.CountingConsumer;
import ru.fioco.training.platform.testing.PublishingFixture;
import ru.fioco.training.platform.testing.StoredEvents;
import ru.fioco.training.platform.testing.TopicReader;

/** A broker of its own (it is stopped and restarted), Mongo wire server in memory. */
class BrokerOutageTest {

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedAndAppliedOnceAfterItReturns() throws Exception {
        Path logDir = Files.createTempDirectory("kafka-outage-");
        int streams = 10;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir);
             PublishingFixture f = new PublishingFixture(SharedTestStack.get().mongo().connectionString(),
                     kafka.bootstrapServers(), true);
             EventPublisher publisher = f.publisher(20);
             CountingConsumer consumer = new CountingConsumer(kafka.bootstrapServers(), f.topic(),
                     f.mongo().getDatabase(f.database()))) {
            publisher.start();
            AtomicInteger round = new AtomicInteger();
            Runnable writeRound = () -> {
                int n = round.getAndIncrement();
                for (int s = 0; s < streams; s++) {
                    f.append("stream-" + s, n);
                }
            };
            for (int i = 0; i < 20; i++) {
                writeRound.run();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> publisher.publishedCount() >= 200);

            kafka.stop();
            for (int i = 0; i < 30; i++) {
                writeRound.run(); // commands keep arriving; the event store takes them
            }
            kafka.restart();
            for (int i = 0; i < 10; i++) {
                writeRound.run();
            }

            int total = streams * round.get();
            await().atMost(Duration.ofMinutes(3)).until(() -> publisher.publishedCount() >= total);
            List<ConsumerRecord<String, String>> records = TopicReader.readAll(kafka.bootstrapServers(), f.topic());
            assertThat(StoredEvents.ceIds(records)).isEqualTo(StoredEvents.ids(f.mongo().getDatabase(f.database())));
            StoredEvents.sequencesPerKey(records).forEach((key, seqs) -> assertThat(seqs).as(key)
                    .containsExactlyElementsOf(LongStream.range(0, round.get()).boxed().toList()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Integer> counts = consumer.counts();
                assertThat(counts).hasSize(streams);
                assertThat(counts.values()).allMatch(c -> c == round.get());
            });
        }
    }
}
