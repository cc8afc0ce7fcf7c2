package ru.fioco.training.contract.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ru.fioco.training.contract.api.CourseAccessGranted.Tutor;

/**
 * The programme's course as it is now (kept from the {@code applications} topic): access is granted with the
 * current course address and tutors, and deadlines count from the current dates, not from what the programme said
 * when the contract opened.
 */
public interface CourseCatalogue {

    Optional<Course> of(String programmeId);

    /**
     * @param url   the course in the LMS, null when the programme has none yet
     * @param start the programme's first day now (null: as the contract has it)
     * @param end   its last day now (null: as the contract has it)
     */
    record Course(String url, List<Tutor> tutors, LocalDate start, LocalDate end) {
        public Course {
            tutors = tutors == null ? List.of() : List.copyOf(tutors);
        }

        public Course(String url, List<Tutor> tutors) {
            this(url, tutors, null, null);
        }
    }
}
