package ru.fioco.training.platform.rebuild;

import java.util.List;

/**
 * A read model that an Axon tracking processor builds from the service's own event store, and that may
 * therefore be dropped and rebuilt: its handlers write only its collections (no mail, no command, no
 * number), so running them again over every event yields the same documents.
 */
public interface RebuildableReadModel {

    /** The processing group, which is also the tracking processor's name. */
    String processingGroup();

    /** The collections the model writes, all of them dropped before a rebuild. */
    List<String> collections();
}
