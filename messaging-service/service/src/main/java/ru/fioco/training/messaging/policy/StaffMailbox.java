package ru.fioco.training.messaging.policy;

/** The institute's shared mailbox, for mail about no single application (the daily digest of uploads). */
public interface StaffMailbox {

    /** Whether the mail of this id was ever queued. */
    boolean queued(String mailId);

    /** Queues the mail once per id; a second call with the same id changes nothing. */
    void queue(String mailId, String subject, String text);
}
