package ru.fioco.training.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;

/** A further-training programme of the catalogue («образовательная программа»). */
public class Programme {

    @AggregateIdentifier
    private String programmeId;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Programme() {
    }

    @CommandHandler
    public Programme(PublishProgramme command) {
        List<FieldViolation> violations = new ArrayList<>();
        checkPeriod(command, violations);
        checkPrice(command.pricePerParticipant(), violations);
        checkSubjectsDistinct(command.subjects(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new ProgrammePublished(command.programmeId(), command.title().strip(), command.startDate(),
                command.endDate(), command.hours(), command.subjects().stream().map(String::strip).toList(),
                command.pricePerParticipant()));
    }

    /** A course ends on or after the day it starts. */
    static void checkPeriod(PublishProgramme command, List<FieldViolation> violations) {
        if (command.endDate().isBefore(command.startDate())) {
            violations.add(new FieldViolation("endDate", "дата окончания раньше даты начала"));
        }
    }

    /** A price is never negative and has at most kopecks. */
    static void checkPrice(BigDecimal price, List<FieldViolation> violations) {
        if (price.signum() < 0) {
            violations.add(new FieldViolation("pricePerParticipant", "стоимость не может быть отрицательной"));
        } else if (price.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation("pricePerParticipant", "не больше двух знаков после запятой (копейки)"));
        }
    }

    /** A subject is listed once; case and surrounding spaces do not make a new one. */
    static void checkSubjectsDistinct(List<String> subjects, List<FieldViolation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (!seen.add(subjects.get(i).strip().toLowerCase(Locale.ROOT))) {
                violations.add(new FieldViolation("subjects[" + i + "]", "предмет указан дважды"));
            }
        }
    }

    @EventSourcingHandler
    void on(ProgrammePublished event) {
        this.programmeId = event.programmeId();
    }
}
