package ru.fioco.training.platform.axon;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.serialization.Revision;

/**
 * Snapshots for aggregates that collect many events (a document file's uploads and verdicts, a thread's messages):
 * after every {@code threshold} events the aggregate's state is stored, and loading reads the snapshot plus the
 * events after it instead of the whole stream.
 *
 * <p>A snapshot is the aggregate's fields as JSON. The aggregate carries {@link Revision}; a snapshot of another
 * revision is ignored (the aggregate is built from its events, and snapshotted anew). So whoever changes the fields
 * of such an aggregate raises its revision, or an old snapshot would load with the new field left empty.
 */
public final class Snapshots {

    private Snapshots() {
    }

    public static <A> AggregateConfigurer<A> every(int threshold, Class<A> aggregate) {
        Revision revision = aggregate.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalArgumentException(aggregate.getName() + " needs @Revision to be snapshotted");
        }
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureSnapshotFilter(c -> RevisionSnapshotFilter.builder().type(aggregate)
                        .revision(revision.value()).build());
    }
}
