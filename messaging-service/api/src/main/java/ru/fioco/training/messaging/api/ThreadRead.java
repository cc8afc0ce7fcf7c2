package ru.fioco.training.messaging.api;

import java.time.Instant;

/** One side has read the thread up to a message; its unread counter counts only what came after. */
public record ThreadRead(String applicationId, Side side, long upToSequence, String readerId, Instant readAt)
        implements ThreadEvent {
}
