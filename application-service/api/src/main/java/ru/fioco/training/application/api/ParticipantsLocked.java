package ru.fioco.training.application.api;

/**
 * The contract of the application is concluded: from now on nothing about its participants changes, neither
 * their data nor their documents.
 */
public record ParticipantsLocked(String applicationId) implements ApplicationEvent {
}
