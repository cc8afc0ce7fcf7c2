package ru.fioco.training.document.api;

/** Someone downloaded a version of a document: the audit record of access to personal documents. */
public record DocumentDownloaded(String applicationId, String participantId, DocumentSlot slot, int version,
        String documentId, String downloadedBy, String downloadedByRole) implements DocumentEvent {
}
