package ru.fioco.training.platform.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jboss.logging.Logger;

/**
 * Makes the Mongo event store's order (by timestamp) equal the order in which events were committed,
 * so that a tracking reader can never pass an event that is committed later.
 *
 * <p>Why: Axon stamps an event when it is created, in the command handler, and the Mongo engine lets
 * readers follow the stored timestamps. A writer that is slow between creating and committing (a GC
 * pause, a long unit of work, a busy server) commits an event whose timestamp lies behind what a
 * reader has already passed; beyond the engine's look-back window that event is skipped forever.
 *
 * <p>How: every append of this service takes one lock, stamps its events with the current time (never
 * earlier than the previous stamp), inserts them, and only then releases the lock. Within a service
 * instance, a later commit therefore always has a later-or-equal timestamp; equal timestamps are told
 * apart by the tracking token's set of seen event ids.
 *
 * <p>Across several instances (replicas) of one service the lock does not reach: while one instance's insert stalls
 * (a replica-set election takes seconds), another commits later events, and readers move past the stalled one's
 * stamp. So the writer checks, once its insert is acknowledged, how long it took: if longer than half the readers'
 * look-back window, readers may have passed its events, and it moves their stamps to now (a {@link Restamper}),
 * again until one move is quick. Readers then find them within their window; a reader that had seen one already
 * gets it again, which consumers and projections absorb by event id. A writer killed between a stalled insert and
 * its move leaves those events behind (the residual risk; see platform/README.md).
 */
public final class CommitOrderedTimestamps implements EventStorageEngine {

    /** Moves stored events to a later stamp: their documents' timestamp field, by event id. */
    @FunctionalInterface
    public interface Restamper {
        void restamp(List<String> eventIds, Instant stamp);
    }

    private static final Logger LOG = Logger.getLogger(CommitOrderedTimestamps.class);

    private final EventStorageEngine delegate;
    private final Clock clock;
    private final Duration lateAfter;
    private final Restamper restamper;
    private final ReentrantLock appendLock = new ReentrantLock(true);
    private Instant lastStamp = Instant.EPOCH;

    /**
     * @param lookBack  the readers' look-back window; an insert that took more than half of it is moved
     * @param restamper {@code null}: never moved (one writer only)
     */
    public CommitOrderedTimestamps(EventStorageEngine delegate, Clock clock, Duration lookBack, Restamper restamper) {
        this.delegate = delegate;
        this.clock = clock;
        this.lateAfter = lookBack.dividedBy(2);
        this.restamper = restamper;
    }

    public CommitOrderedTimestamps(EventStorageEngine delegate, Duration lookBack, Restamper restamper) {
        this(delegate, Clock.systemUTC(), lookBack, restamper);
    }

    public CommitOrderedTimestamps(EventStorageEngine delegate) {
        this(delegate, Clock.systemUTC(), Duration.ofSeconds(5), null);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        appendLock.lock();
        try {
            Instant stamp = nextStamp();
            List<EventMessage<?>> stamped = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                stamped.add(restamp(event, stamp));
            }
            delegate.appendEvents(stamped);
            moveIfLate(stamped, stamp);
        } finally {
            appendLock.unlock();
        }
    }

    private void moveIfLate(List<EventMessage<?>> stamped, Instant stamp) {
        if (restamper == null) {
            return;
        }
        List<String> ids = stamped.stream().map(EventMessage::getIdentifier).toList();
        Instant committed = clock.instant();
        while (Duration.between(stamp, committed).compareTo(lateAfter) > 0) {
            Instant moved = nextStamp();
            LOG.warnf("Insert of %d events took %s (readers look back %s): moving them from %s to %s", ids.size(),
                    Duration.between(stamp, committed), lateAfter.multipliedBy(2), stamp, moved);
            restamper.restamp(ids, moved);
            stamp = moved;
            committed = clock.instant();
        }
    }

    /**
     * Millisecond precision: the stored timestamp keeps no more, and a stamp must survive the round trip unchanged.
     * Strictly later than the last stamp: readers order equal stamps by the aggregate's sequence number, so two commits
     * in one millisecond (or after the wall clock stepped back) would be read in another order than committed; a burst
     * of more than a thousand commits a second runs the stamps a little ahead of the clock, which readers tolerate.
     */
    private Instant nextStamp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plusMillis(1);
        }
        lastStamp = now;
        return now;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static EventMessage<?> restamp(EventMessage<?> event, Instant stamp) {
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericDomainEventMessage(domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain, stamp);
        }
        return new GenericEventMessage(event, () -> stamp);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
