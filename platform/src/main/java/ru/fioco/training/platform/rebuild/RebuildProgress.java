package ru.fioco.training.platform.rebuild;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a running rebuild has come. From Kafka: how many records it will replay (known once the partitions'
 * stops are read) and how many it has. From an event store: the time of the newest event when it began, and
 * the event time every segment of the processor has reached (a Mongo token is a moment, not a position, so
 * this is the honest measure there).
 */
public final class RebuildProgress {

    private volatile Long toReplay;
    private final AtomicLong replayed = new AtomicLong();
    private volatile Instant target;
    private volatile Instant reached;

    public Long toReplay() {
        return toReplay;
    }

    public Long replayed() {
        return toReplay == null ? null : replayed.get();
    }

    public Instant target() {
        return target;
    }

    public Instant reached() {
        return reached;
    }

    void planned(long records) {
        toReplay = records;
    }

    void replayedOne() {
        replayed.incrementAndGet();
    }

    void aimAt(Instant newestEvent) {
        target = newestEvent;
    }

    void reach(Instant eventTime) {
        reached = eventTime;
    }
}
