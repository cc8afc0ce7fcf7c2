package ru.fioco.training.contract.api;

import java.util.List;

import ru.fioco.training.platform.api.Confidential;

/**
 * Course access for the participants (Рис. 8): the LMS course, the enrolment key (random, unguessable,
 * shown only to the organisation and staff), the tutors and the enrolment instructions.
 *
 * @param tutorName  the first tutor (kept for readers of events recorded before {@code tutors})
 * @param tutorEmail the first tutor's e-mail, as above
 * @param tutors     every tutor of the programme; empty in events recorded before it, which named one
 */
public record CourseAccessGranted(String applicationId, String courseUrl, @Confidential String enrolmentKey,
        String tutorName, String tutorEmail, String instructions, List<Tutor> tutors) implements ContractEvent {

    public CourseAccessGranted {
        tutors = tutors == null ? List.of() : List.copyOf(tutors);
    }

    /** Access as granted before every tutor was listed: one tutor. */
    public CourseAccessGranted(String applicationId, String courseUrl, String enrolmentKey, String tutorName,
            String tutorEmail, String instructions) {
        this(applicationId, courseUrl, enrolmentKey, tutorName, tutorEmail, instructions, List.of());
    }

    /** Every tutor, also from an event that named only one. */
    public List<Tutor> allTutors() {
        if (!tutors.isEmpty() || tutorName == null) {
            return tutors;
        }
        return List.of(new Tutor(tutorName, tutorEmail));
    }

    /** A programme's tutor («тьютор»): institute staff, shown to the participants with the access. */
    public record Tutor(String name, String email) {
    }
}
