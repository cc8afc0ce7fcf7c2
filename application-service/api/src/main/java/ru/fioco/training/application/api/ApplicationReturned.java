package ru.fioco.training.application.api;

/** Staff returned a submitted application for correction: it is a draft again and keeps its number. */
public record ApplicationReturned(String applicationId, String reason) implements ApplicationEvent {
}
