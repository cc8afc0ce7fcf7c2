package ru.fioco.training.application.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.application.api.Tutor;

/** The catalogue's commands: staff publish, change and close programmes. */
public final class ProgrammeCommands {

    private ProgrammeCommands() {
    }

    /** Everything staff describe about a programme. */
    public record ProgrammeDescription(String title, LocalDate startDate, LocalDate endDate, int hours,
            List<String> subjects, BigDecimal pricePerParticipant, String lmsCourseUrl, List<Tutor> tutors) {

        public ProgrammeDescription {
            // a form may leave them out: the form's check names that, the lists are never null
            subjects = subjects == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(subjects));
            tutors = tutors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tutors));
        }
    }

    /** Staff publish a new programme in the catalogue. */
    public record PublishProgramme(String programmeId, ProgrammeDescription description) {
    }

    /** Staff change a programme's description. */
    public record ChangeProgramme(@TargetAggregateIdentifier String programmeId, ProgrammeDescription description) {
    }

    /** Staff close a programme for new applications. */
    public record CloseProgramme(@TargetAggregateIdentifier String programmeId) {
    }
}
