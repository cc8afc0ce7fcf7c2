package ru.fioco.training.document.api;

/** Every required document of the participant is accepted (emitted when this becomes true). */
public record ParticipantDocumentsAccepted(String applicationId, String participantId) implements DocumentEvent {
}
