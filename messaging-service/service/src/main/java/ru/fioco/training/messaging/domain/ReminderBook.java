package ru.fioco.training.messaging.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import ru.fioco.training.messaging.api.NoticeKind;

/**
 * Where reminders are kept: scheduled, then fired, expired or cancelled, never forgotten. A reminder's id is
 * fixed by what it is about, so scheduling it twice keeps one; firing first posts a notice keyed by the
 * reminder's id and then settles it, so a crash between the two posts nothing twice.
 */
public interface ReminderBook {

    enum Status { SCHEDULED, FIRED, EXPIRED, CANCELLED }

    /** A stored reminder and where it stands. */
    record Entry(Reminder reminder, Status status, Instant settledAt, String note) {
    }

    /**
     * Keeps the reminder unless it is already known; a scheduled reminder of the same kind about another date
     * (the course moved) is cancelled.
     */
    void schedule(Reminder reminder);

    /** Cancels what is still scheduled of these kinds for the application. */
    void cancel(String applicationId, Collection<NoticeKind> kinds, String note);

    /** Scheduled reminders whose moment has come, oldest first. */
    List<Reminder> due(Instant now, int limit);

    /** Settles a scheduled reminder; false if something else settled it first. */
    boolean settle(String id, Status status, Instant at, String note);

    /** Every reminder of the application, by its moment. */
    List<Entry> of(String applicationId);
}
