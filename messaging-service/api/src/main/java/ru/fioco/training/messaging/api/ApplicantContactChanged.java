package ru.fioco.training.messaging.api;

import ru.fioco.training.platform.api.PersonalData;

/** A corrected and resubmitted application names another applicant or e-mail address: mail goes there from now on. */
public record ApplicantContactChanged(String applicationId, @PersonalData(subject = "applicant") String applicantName,
        @PersonalData(subject = "applicant") String applicantEmail) implements ThreadEvent {
}
