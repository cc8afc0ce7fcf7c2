package ru.fioco.training.application.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the cabinet's list (Рис. 1а): number, date, status, type, programme, participants; for
 * staff also the organisation and the review deadline ({@code reviewOverdue} when it has passed);
 * {@code draftedBy}: who drafted it (the identity provider's subject).
 */
public record ApplicationSummary(String id, String number, Instant createdAt, Instant submittedAt, String status,
        String statusTitle, String type, String programmeId, String programmeTitle, String organisationInn,
        String organisationShortName, String region, int participantCount, LocalDate reviewDueDate,
        boolean reviewDueProvisional, boolean reviewOverdue, String draftedBy) {
}
