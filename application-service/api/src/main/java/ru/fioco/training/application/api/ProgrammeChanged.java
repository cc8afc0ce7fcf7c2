package ru.fioco.training.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Staff changed a programme; the event carries its whole new description. No personal data. */
public record ProgrammeChanged(String programmeId, String title, LocalDate startDate, LocalDate endDate, int hours,
        List<String> subjects, BigDecimal pricePerParticipant, String lmsCourseUrl, List<Tutor> tutors)
        implements ApplicationEvent {

    public ProgrammeChanged {
        subjects = List.copyOf(subjects);
        tutors = tutors == null ? List.of() : List.copyOf(tutors);
    }
}
