package ru.fioco.training.platform.rebuild;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundGate;
import ru.fioco.training.platform.kafka.KafkaClients;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Rebuilds a {@link TopicFedReadModel} from Kafka: with the service's {@link InboundGate} closed (no live record
 * in hand), it reads where the live consumer stands in each partition, forgets the consumer's processed events,
 * drops the copy, and replays every record from offset 0 up to that point through {@link TopicFedReadModel#replay}
 * on a consumer of its own (assigned, never joining the group, never committing). The live consumer then goes
 * on from where it was, so every record is applied once to the copy and every policy ran once, live.
 */
@ApplicationScoped
public class TopicReplay {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration METADATA = Duration.ofSeconds(30);

    @Inject
    InboundGate gate;

    @Inject
    InboundEvents inbound;

    @Inject
    ServiceDatabase database;

    @Inject
    Config config;

    @Inject
    KafkaClients kafka;

    /** The topics feeding a channel, as its configuration names them. */
    public List<String> topics(TopicFedReadModel model) {
        String channel = model.feed().channel();
        String prefix = "mp.messaging.incoming." + channel + ".";
        String names = config.getOptionalValue(prefix + "topics", String.class)
                .or(() -> config.getOptionalValue(prefix + "topic", String.class)).orElse(channel);
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** @param atRest runs with the gate closed, before anything is dropped: where the "before" checksum is taken */
    public void rebuild(TopicFedReadModel model, RebuildProgress progress, Duration longest, Runnable atRest)
            throws Exception {
        String channel = model.feed().channel();
        String group = config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class)
                .orElseThrow(() -> new IllegalStateException("channel " + channel + " has no group.id"));
        List<String> topics = topics(model);
        gate.closed(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(group, model.feed().name()))) {
                replay(model, progress, longest, consumer, topics, atRest);
            }
            return null;
        });
    }

    private void replay(TopicFedReadModel model, RebuildProgress progress, Duration longest,
            KafkaConsumer<String, String> consumer, List<String> topics, Runnable atRest) {
        TopicFedReadModel.Feed feed = model.feed();
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, METADATA)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        // a topic whose start was deleted cannot give the copy back: refuse before anything is dropped
        consumer.beginningOffsets(partitions, METADATA).forEach((partition, first) -> {
            if (first > 0) {
                throw new IllegalStateException("Kafka no longer holds the start of " + partition + " (its first offset is "
                        + first + "): the copy cannot be rebuilt from it");
            }
        });
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, METADATA);
        Map<TopicPartition, Long> stops = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata c = committed.get(partition);
            long stop = Math.max(c == null ? 0 : c.offset(), gate.nextOffset(feed.consumer(), partition).orElse(0L));
            if (stop > 0) {
                stops.put(partition, stop);
            }
        }
        progress.planned(stops.values().stream().mapToLong(Long::longValue).sum());

        atRest.run();
        inbound.forget(feed.consumer());
        feed.collections().forEach(c -> database.collection(c).drop());

        consumer.assign(stops.keySet());
        consumer.seekToBeginning(stops.keySet());
        Set<TopicPartition> open = new HashSet<>(stops.keySet());
        long deadline = System.nanoTime() + longest.toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not replayed within " + longest);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                Long stop = stops.get(new TopicPartition(record.topic(), record.partition()));
                if (stop != null && record.offset() < stop) {
                    model.replay(record);
                    progress.replayedOne();
                }
            }
            for (TopicPartition partition : List.copyOf(open)) {
                if (consumer.position(partition, METADATA) >= stops.get(partition)) {
                    open.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
        }
    }

    private Map<String, Object> settings(String group, String name) {
        Map<String, Object> p = new HashMap<>();
        // the group is named only to read its committed offsets; an assigned consumer neither joins nor commits
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, group + ".rebuild." + name);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return kafka.settings(p);
    }
}
