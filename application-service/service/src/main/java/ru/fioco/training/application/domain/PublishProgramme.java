package ru.fioco.training.application.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.application.api.Tutor;

/** The catalogue's commands: staff publish, change and close programmes. */
public record PublishProgramme(String programmeId, ProgrammeDescription description) {

    /** Everything staff describe about a programme. */
    public record ProgrammeDescription(String title, LocalDate startDate, LocalDate endDate, int hours,
            List<String> subjects, BigDecimal pricePerParticipant, String lmsCourseUrl, List<Tutor> tutors) {

        public ProgrammeDescription {
            subjects = List.copyOf(subjects);
            tutors = tutors == null ? List.of() : List.copyOf(tutors);
        }
    }

    /** Staff change a programme's description. */
    public record ChangeProgramme(@TargetAggregateIdentifier String programmeId, ProgrammeDescription description) {
    }

    /** Staff close a programme for new applications. */
    public record CloseProgramme(@TargetAggregateIdentifier String programmeId) {
    }
}
