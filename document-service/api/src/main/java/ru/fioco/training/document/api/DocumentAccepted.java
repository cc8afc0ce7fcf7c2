package ru.fioco.training.document.api;

/** Staff accepted the current version of a slot (✔). */
public record DocumentAccepted(String applicationId, String participantId, DocumentSlot slot, int version)
        implements DocumentEvent {
}
