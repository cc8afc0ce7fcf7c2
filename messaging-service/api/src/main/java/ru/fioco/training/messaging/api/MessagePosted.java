package ru.fioco.training.messaging.api;

import java.time.Instant;
import java.util.List;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A message written by a person. Its text is free text and may name anyone, so it is personal data.
 *
 * @param sequence   the message's place in the thread, from 1; read marks refer to it
 * @param authorId   the token subject of the author
 * @param attachments files uploaded beforehand and attached by this message
 */
public record MessagePosted(String applicationId, String messageId, long sequence, Side side, String authorId,
        @PersonalData String text, List<Attachment> attachments, Instant postedAt) implements ThreadEvent {

    public MessagePosted {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A stored file attached to a message: metadata only, the bytes stay in messaging-service's GridFS. */
    public record Attachment(String attachmentId, @PersonalData String fileName, String contentType, long size,
            String sha256) {
    }
}
