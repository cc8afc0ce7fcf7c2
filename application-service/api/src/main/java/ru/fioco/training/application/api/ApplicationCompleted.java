package ru.fioco.training.application.api;

/** The contract of the application is closed: the application is completed. */
public record ApplicationCompleted(String applicationId) implements ApplicationEvent {
}
