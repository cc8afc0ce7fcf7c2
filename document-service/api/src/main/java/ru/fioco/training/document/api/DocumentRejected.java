package ru.fioco.training.document.api;

/** Staff rejected the current version of a slot (✘) with a reason; the representative uploads again («изменить»). */
public record DocumentRejected(String applicationId, String participantId, DocumentSlot slot, int version,
        String reason) implements DocumentEvent {
}
