package ru.fioco.training.messaging.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import ru.fioco.training.document.api.DocumentSlot;

/**
 * The uploads that came in for review, each reported once in the staff's daily digest: noted as they arrive,
 * then given the day of the digest that reports them.
 */
public interface UploadDigestBook {

    /** One uploaded version, keyed by its document id (a redelivery notes nothing new). */
    record Upload(String documentId, String applicationId, String participantId, DocumentSlot slot, int version,
            Instant arrivedAt) {
    }

    void note(Upload upload);

    /** Uploads not yet given a digest day that arrived before {@code cutoff}, earliest first. */
    List<Upload> unreported(Instant cutoff, int limit);

    /** Gives these uploads the digest day (those already given one keep theirs). */
    void report(Collection<String> documentIds, LocalDate day);

    /** What the digest of that day reports, earliest first. */
    List<Upload> reportedOn(LocalDate day);
}
