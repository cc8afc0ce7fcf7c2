package ru.fioco.training.messaging.policy;

import java.time.Instant;
import java.util.List;

import ru.fioco.training.messaging.domain.ThreadCommands.PostNotice;

/**
 * Notices that came before their thread was open (the {@code contracts} topic ran ahead of {@code applications}
 * while this service caught up): kept per application, in the order of the events that caused them, until the
 * thread opens.
 */
public interface EarlyNotices {

    /** Keeps the notice once per cause. */
    void park(PostNotice notice, Instant causedAt);

    /** The application's parked notices, earliest cause first. */
    List<PostNotice> parked(String applicationId);

    /** The notice of this cause is posted: forget it. */
    void posted(String cause);
}
