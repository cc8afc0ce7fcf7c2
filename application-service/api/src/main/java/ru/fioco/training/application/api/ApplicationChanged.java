package ru.fioco.training.application.api;

/** A representative changed a draft; the event carries the whole new form. */
public record ApplicationChanged(String applicationId, ApplicationForm form) implements ApplicationEvent {
}
