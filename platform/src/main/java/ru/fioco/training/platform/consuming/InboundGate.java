package ru.fioco.training.platform.consuming;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The service's inbound work (every record from another service's topic, and whatever reads the copies
 * those records keep) passes here, and a rebuild of such a copy closes the gate: the rebuild waits until no
 * record is in hand, then holds every consumer of the service still while it replays. Also remembers, per
 * consumer and partition, the last offset a consumer finished with, which is exactly where the replay stops
 * and the live consumer takes over.
 *
 * <p>Closing blocks the consuming threads, not the Kafka poll loop: the connector keeps polling (and its
 * group membership) and pauses the partitions when its buffer is full, so nothing times out.
 */
@ApplicationScoped
public class InboundGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final Map<String, Map<TopicPartition, Long>> finished = new ConcurrentHashMap<>();

    /** Handles one record of {@code consumer} while no copy is being rebuilt, and remembers it as done. */
    public <T> T pass(String consumer, ConsumerRecord<?, ?> record, Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            // done even when dead-lettered: the live consumer will not see the record again
            finished.computeIfAbsent(consumer, c -> new ConcurrentHashMap<>())
                    .merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
            lock.readLock().unlock();
        }
    }

    /** Runs work that reads the copies (a reminder pass, a mail) while no copy is being rebuilt. */
    public void whileComplete(Runnable work) {
        lock.readLock().lock();
        try {
            work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code rebuild} with the gate closed: it starts once the records in hand are done. */
    public <T> T closed(Callable<T> rebuild) throws Exception {
        lock.writeLock().lockInterruptibly();
        try {
            return rebuild.call();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The offset after the last record {@code consumer} finished in this partition since the service started. */
    public Optional<Long> nextOffset(String consumer, TopicPartition partition) {
        return Optional.ofNullable(finished.getOrDefault(consumer, Map.of()).get(partition)).map(o -> o + 1);
    }
}
