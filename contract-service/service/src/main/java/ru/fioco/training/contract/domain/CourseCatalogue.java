package ru.fioco.training.contract.domain;

import java.util.List;
import java.util.Optional;

import ru.fioco.training.contract.api.CourseAccessGranted.Tutor;

/**
 * The programme's course as it is now (kept from the {@code applications} topic): access is granted with the
 * current course address and tutors, not with what the programme said when the contract opened.
 */
public interface CourseCatalogue {

    Optional<Course> of(String programmeId);

    /** @param url the course in the LMS, null when the programme has none yet */
    record Course(String url, List<Tutor> tutors) {
        public Course {
            tutors = tutors == null ? List.of() : List.copyOf(tutors);
        }
    }
}
