package ru.fioco.training.document.api;

/** The application was withdrawn: its document file accepts no more uploads. */
public record UploadsClosed(String applicationId, String reason) implements DocumentEvent {
}
