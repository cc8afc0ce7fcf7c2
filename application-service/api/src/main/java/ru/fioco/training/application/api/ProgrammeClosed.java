package ru.fioco.training.application.api;

/** Staff closed a programme for new applications; applications already filed go on. */
public record ProgrammeClosed(String programmeId) implements ApplicationEvent {
}
