package ru.fioco.training.application.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The representative submitted the application: it got its number, its participants are fixed, and
 * the institute's review is due by {@code reviewDueDate} (3 working days). {@code reviewDueProvisional}
 * is true when that date was counted on a provisional production calendar.
 */
public record ApplicationSubmitted(String applicationId, String number, Instant submittedAt, LocalDate reviewDueDate,
        boolean reviewDueProvisional, ApplicationForm form) implements ApplicationEvent {
}
