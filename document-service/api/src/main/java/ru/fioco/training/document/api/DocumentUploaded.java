package ru.fioco.training.document.api;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A new version of a document was uploaded into a slot; nothing is overwritten. Metadata only: the
 * bytes stay in document-service's GridFS under {@code documentId}.
 *
 * @param participantId null for the application's own slots
 * @param version       1, 2, ... per slot
 * @param sha256        hex digest of the bytes
 * @param contentType   detected from the content, not from the name
 * @param fileName      the safe file name (no path, no control characters)
 */
public record DocumentUploaded(String applicationId, String participantId, DocumentSlot slot, int version,
        String documentId, long size, String sha256, String contentType, @PersonalData String fileName,
        String uploadedBy) implements DocumentEvent {
}
