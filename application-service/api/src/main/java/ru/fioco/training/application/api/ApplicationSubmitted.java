package ru.fioco.training.application.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The representative submitted the application: it got its number, its participants are fixed, and
 * the institute's review is due by {@code reviewDueDate} (3 working days). {@code reviewDueProvisional}
 * is true when that date was counted on a provisional production calendar. With it the representative confirmed each
 * participant's consent to the processing of their personal data in the text of {@code consentVersion} (the event's
 * actor is who confirmed it, {@code submittedAt} when); null in submissions from before the text was versioned.
 */
public record ApplicationSubmitted(String applicationId, String number, Instant submittedAt, LocalDate reviewDueDate,
        boolean reviewDueProvisional, ApplicationForm form, String consentVersion) implements ApplicationEvent {

    /** A submission as recorded before the consent's text was versioned. */
    public ApplicationSubmitted(String applicationId, String number, Instant submittedAt, LocalDate reviewDueDate,
            boolean reviewDueProvisional, ApplicationForm form) {
        this(applicationId, number, submittedAt, reviewDueDate, reviewDueProvisional, form, null);
    }
}
