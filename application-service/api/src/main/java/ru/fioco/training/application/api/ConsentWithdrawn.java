package ru.fioco.training.application.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A participant withdrew their consent to the processing of their personal data (152-FZ art. 9 part 2): staff record
 * the day the withdrawal reached the institute, and the data must be destroyed by {@code eraseBy}, 30 days later
 * (art. 21 part 5). The retention pass destroys them as soon as the application has ended; a live application is
 * listed to staff until it ends or the deadline passes.
 *
 * @param receivedOn when the withdrawal reached the institute (Moscow date)
 * @param eraseBy    the last day to destroy the data
 * @param recordedBy the staff member who recorded it (their account's subject)
 */
public record ConsentWithdrawn(String applicationId, String participantId, LocalDate receivedOn, LocalDate eraseBy,
        String recordedBy, Instant recordedAt) implements ApplicationEvent {
}
