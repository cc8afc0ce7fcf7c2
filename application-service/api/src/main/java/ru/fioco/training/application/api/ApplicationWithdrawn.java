package ru.fioco.training.application.api;

/** The application was withdrawn («снята») by the representative or staff, with a reason. */
public record ApplicationWithdrawn(String applicationId, String reason, String withdrawnByRole) implements ApplicationEvent {
}
