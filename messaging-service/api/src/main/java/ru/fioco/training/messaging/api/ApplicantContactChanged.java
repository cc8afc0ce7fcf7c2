package ru.fioco.training.messaging.api;

import ru.fioco.training.platform.api.PersonalData;

/** A corrected and resubmitted application names another applicant or e-mail address: mail goes there from now on. */
public record ApplicantContactChanged(String applicationId, @PersonalData String applicantName,
        @PersonalData String applicantEmail) implements ThreadEvent {
}
