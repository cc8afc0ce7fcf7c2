package ru.fioco.training.application.api;

/** A representative saved a new application («заявка», type «обучение») as a draft. */
public record ApplicationDrafted(String applicationId, String organisationInn, ApplicationType type,
        ApplicationForm form) implements ApplicationEvent {
}
