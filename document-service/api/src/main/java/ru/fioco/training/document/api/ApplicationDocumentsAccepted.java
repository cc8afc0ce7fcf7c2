package ru.fioco.training.document.api;

/**
 * Every required document of every participant is accepted, and so is every uploaded application
 * document (signed contract, consent...). Emitted when this becomes true; contract-service waits for it.
 */
public record ApplicationDocumentsAccepted(String applicationId) implements DocumentEvent {
}
