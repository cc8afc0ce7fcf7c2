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

import ru.fioco.training.platform.consuming.ConsumerPositions;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.kafka.KafkaClients;
import ru.fioco.training.platform.mongo.ReadModelCollections;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Reads a {@link TopicFedReadModel}'s topics from offset 0 into the copy being built, through
 * {@link TopicFedReadModel#replay} on a consumer of its own (assigned, never joining the group, never committing),
 * up to where the live consumers stand. Where they stand is read from every replica's record of it: the group's
 * committed offsets and the {@link ConsumerPositions} each replica writes as it finishes a record. The live
 * consumers go on meanwhile; only the last step, with them held, catches up to a position that no longer moves.
 */
@ApplicationScoped
public class TopicReplay {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration METADATA = Duration.ofSeconds(30);

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

    /** Opens a replay of the model's topics; refuses (before anything is built) when Kafka lost their start. */
    Replay open(TopicFedReadModel model) {
        String channel = model.feed().channel();
        String group = config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class)
                .orElseThrow(() -> new IllegalStateException("channel " + channel + " has no group.id"));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(group, model.feed().name()));
        try {
            return new Replay(model, consumer, topics(model));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** One replay into a copy, moved forward in steps as the live consumers' positions move. */
    final class Replay implements AutoCloseable {

        private final TopicFedReadModel model;
        private final KafkaConsumer<String, String> consumer;
        private final Set<TopicPartition> partitions = new HashSet<>();
        private final ConsumerPositions positions = new ConsumerPositions(database.collection(ConsumerPositions.COLLECTION));

        private Replay(TopicFedReadModel model, KafkaConsumer<String, String> consumer, List<String> topics) {
            this.model = model;
            this.consumer = consumer;
            for (String topic : topics) {
                consumer.partitionsFor(topic, METADATA)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.beginningOffsets(partitions, METADATA).forEach((partition, first) -> {
                if (first > 0) {
                    throw new IllegalStateException("Kafka no longer holds the start of " + partition
                            + " (its first offset is " + first + "): the copy cannot be rebuilt from it");
                }
            });
            inbound.forgetReplay(model.feed().consumer());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Per partition, the offset the live consumers of every replica have finished up to. */
        Map<TopicPartition, Long> liveStops() {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, METADATA);
            Map<TopicPartition, Long> finished = positions.nextOffsets(model.feed().consumer());
            Map<TopicPartition, Long> stops = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata c = committed.get(partition);
                stops.put(partition, Math.max(c == null ? 0 : c.offset(), finished.getOrDefault(partition, 0L)));
            }
            return stops;
        }

        /** Replays, into {@code copies}, every record before {@code stops} not yet replayed. */
        void upTo(Map<TopicPartition, Long> stops, Map<String, String> copies, RebuildProgress progress,
                long deadlineNanos, Runnable keepAlive) throws Exception {
            progress.planned(stops.values().stream().mapToLong(Long::longValue).sum());
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition, METADATA) < stops.get(partition)) {
                    open.add(partition);
                    consumer.resume(List.of(partition));
                } else {
                    consumer.pause(List.of(partition));
                }
            }
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("not replayed within the time a rebuild may take");
                }
                keepAlive.run();
                ReadModelCollections.writingTo(copies, () -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() < stops.get(partition)) {
                            model.replay(record);
                            progress.replayedOne();
                        } else {
                            // read past the stop: go back, the next step starts there
                            consumer.seek(partition, Math.min(consumer.position(partition), record.offset()));
                        }
                    }
                    return null;
                });
                for (TopicPartition partition : List.copyOf(open)) {
                    if (consumer.position(partition, METADATA) >= stops.get(partition)) {
                        open.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
            inbound.forgetReplay(model.feed().consumer());
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
