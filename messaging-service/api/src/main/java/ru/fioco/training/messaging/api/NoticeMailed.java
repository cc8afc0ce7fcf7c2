package ru.fioco.training.messaging.api;

import java.time.Instant;

import ru.fioco.training.platform.api.PersonalData;

/** A notice's e-mail was accepted by the mail server: the audit trail of "the school was told". */
public record NoticeMailed(String applicationId, String messageId, @PersonalData(subject = "applicant") String to, Instant sentAt)
        implements ThreadEvent {
}
