package ru.fioco.training.messaging.api;

import ru.fioco.training.platform.api.PersonalData;

/**
 * The thread of an application, opened when it is first submitted.
 *
 * @param applicantName  the representative who filled in the application, as «Фамилия Имя Отчество»
 * @param applicantEmail where notices that need action are mailed
 */
public record ThreadOpened(String applicationId, String applicationNumber, String organisationInn,
        String organisationName, String programmeId, @PersonalData(subject = "applicant") String applicantName,
        @PersonalData(subject = "applicant") String applicantEmail) implements ThreadEvent {
}
