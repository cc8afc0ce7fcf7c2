package ru.fioco.training.platform.consuming;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The service's inbound work (every record from another service's topic, and whatever reads the copies those
 * records keep) passes here, and the switch of a rebuilt copy holds it for the few seconds it takes: the hold
 * begins once no record is in hand, and every consumer of the service waits until it is released. The long part
 * of a rebuild (reading a topic from its start into a new collection) holds nothing.
 *
 * <p>Holding blocks the consuming threads, not the Kafka poll loop: the connector keeps polling (and its group
 * membership) and pauses the partitions when its buffer is full, so nothing times out.
 */
@ApplicationScoped
public class InboundGate {

    /** A hold on the service's consumers; released from whichever thread ends it. */
    public interface Hold {
        void release();
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** Handles one record of {@code consumer} unless a switch holds the service's consumers. */
    public <T> T pass(String consumer, ConsumerRecord<?, ?> record, Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs work that reads the copies (a reminder pass, a mail) while no switch is under way. */
    public void whileComplete(Runnable work) {
        lock.readLock().lock();
        try {
            work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Holds every consumer of the service, once the records in hand are done. The hold is kept by a thread of its
     * own, because the lock belongs to a thread and the hold is released by whichever notices the switch is over.
     */
    public Hold hold(Duration longestWait) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                // a record retried without end must not keep the others waiting behind this hold for long
                if (!lock.writeLock().tryLock(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                try {
                    held.countDown();
                    released.await();
                } finally {
                    lock.writeLock().unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "inbound-hold");
        holder.setDaemon(true);
        holder.start();
        try {
            if (!held.await(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                released.countDown();
                throw new IllegalStateException("a record in hand kept the consumers from holding for " + longestWait);
            }
        } catch (InterruptedException e) {
            released.countDown(); // the holder lets go as soon as it has the lock
            throw e;
        }
        return released::countDown;
    }
}
