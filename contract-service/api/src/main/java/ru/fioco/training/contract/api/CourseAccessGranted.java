package ru.fioco.training.contract.api;

import ru.fioco.training.platform.api.Confidential;

/**
 * Course access for the participants (Рис. 8): the LMS course, the enrolment key (random, unguessable,
 * shown only to the organisation and staff), the tutor and the enrolment instructions.
 */
public record CourseAccessGranted(String applicationId, String courseUrl, @Confidential String enrolmentKey,
        String tutorName, String tutorEmail, String instructions) implements ContractEvent {
}
