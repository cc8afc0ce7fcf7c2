package ru.fioco.training.messaging.query;

import java.time.Instant;
import java.util.List;

/**
 * The mails the platform gave up on, for staff to see and, once the cause is fixed, send again: a mail the server
 * refused for good (a 5xx reply: no such mailbox) or one still refused after days of retries.
 */
public interface MailDelivery {

    /** A mail given up on: to whom, about what, how often it was tried and the server's last answer. */
    record FailedMail(String id, String applicationId, String applicationNumber, String to, String kind, int attempts,
            String lastError, Instant failedAt) {
    }

    List<FailedMail> failed(int limit);

    /** Puts a failed mail back in the queue, its attempts counted anew; false when no such failed mail. */
    boolean retry(String id);
}
