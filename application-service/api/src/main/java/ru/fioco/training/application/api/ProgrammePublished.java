package ru.fioco.training.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Staff published a further-training programme in the catalogue, open for applications. Other
 * services keep their own copy of the catalogue from these events. No personal data.
 *
 * @param programmeId         the programme's id
 * @param title               «Наименование программы»
 * @param startDate           first day of the course (Europe/Moscow)
 * @param endDate             last day of the course
 * @param hours               academic hours
 * @param subjects            the subjects a participant may study (at least one)
 * @param pricePerParticipant roubles per participant; educational services carry no VAT («Без НДС»)
 * @param lmsCourseUrl        the course in the Moodle-based LMS (optional; added in revision 2)
 * @param tutors              the tutors (optional; added in revision 2)
 */
public record ProgrammePublished(String programmeId, String title, LocalDate startDate, LocalDate endDate,
        int hours, List<String> subjects, BigDecimal pricePerParticipant, String lmsCourseUrl, List<Tutor> tutors)
        implements ApplicationEvent {

    public ProgrammePublished {
        subjects = List.copyOf(subjects);
        tutors = tutors == null ? List.of() : List.copyOf(tutors);
    }
}
