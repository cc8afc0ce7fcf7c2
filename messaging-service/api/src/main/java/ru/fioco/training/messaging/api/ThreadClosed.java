package ru.fioco.training.messaging.api;

/** No more messages: the application was withdrawn or completed. The thread stays readable. */
public record ThreadClosed(String applicationId, String reason) implements ThreadEvent {
}
