package ru.fioco.training.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammeClosed;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.application.domain.ProgrammeCommands.ChangeProgramme;
import ru.fioco.training.application.domain.ProgrammeCommands.CloseProgramme;
import ru.fioco.training.application.domain.ProgrammeCommands.ProgrammeDescription;
import ru.fioco.training.application.domain.ProgrammeCommands.PublishProgramme;
import ru.fioco.training.application.domain.requisites.EmailAddress;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.RuleViolationException;

/** A further-training programme of the catalogue («образовательная программа»). */
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private boolean closed;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Programme() {
    }

    @CommandHandler
    public Programme(PublishProgramme command, ProductionCalendar calendar, Clock clock) {
        ProgrammeDescription d = checked(command.description(), calendar, ProductionCalendar.today(clock));
        apply(new ProgrammePublished(command.programmeId(), d.title(), d.startDate(), d.endDate(), d.hours(),
                d.subjects(), d.pricePerParticipant(), d.lmsCourseUrl(), d.tutors()));
    }

    @CommandHandler
    void handle(ChangeProgramme command, ProductionCalendar calendar, Clock clock) {
        ProgrammeDescription d = checked(command.description(), calendar, ProductionCalendar.today(clock));
        apply(new ProgrammeChanged(programmeId, d.title(), d.startDate(), d.endDate(), d.hours(), d.subjects(),
                d.pricePerParticipant(), d.lmsCourseUrl(), d.tutors()));
    }

    @CommandHandler
    void handle(CloseProgramme command) {
        if (closed) {
            throw new ConflictException("Приём заявок на программу уже закрыт");
        }
        apply(new ProgrammeClosed(programmeId));
    }

    /** All rules of a description at once; texts trimmed, tutors' e-mails normalised. */
    static ProgrammeDescription checked(ProgrammeDescription d, ProductionCalendar calendar, LocalDate today) {
        List<FieldViolation> violations = brokenRules(d);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        requireWithinCalendar(d, calendar, today);
        return new ProgrammeDescription(d.title().strip(), d.startDate(), d.endDate(), d.hours(),
                d.subjects().stream().map(String::strip).toList(), d.pricePerParticipant(),
                d.lmsCourseUrl() == null || d.lmsCourseUrl().isBlank() ? null : d.lmsCourseUrl().strip(),
                checkTutors(d.tutors(), new ArrayList<>()));
    }

    /**
     * The programme's rules a description breaks, each naming its field. A missing value breaks no rule here (its
     * presence is the form's check), so the form can report both kinds of error at once.
     */
    public static List<FieldViolation> brokenRules(ProgrammeDescription d) {
        List<FieldViolation> violations = new ArrayList<>();
        if (d.startDate() != null && d.endDate() != null) {
            checkPeriod(d, violations);
        }
        if (d.pricePerParticipant() != null) {
            checkPrice(d.pricePerParticipant(), violations);
        }
        if (d.hours() > 0 && d.hours() < MIN_HOURS) {
            violations.add(new FieldViolation("hours", "программа повышения квалификации — не менее " + MIN_HOURS
                    + " часов (ч. 4 ст. 76 273-ФЗ, приказ Минобрнауки № 499)"));
        }
        checkSubjectsDistinct(d.subjects(), violations);
        checkTutors(d.tutors(), violations);
        return violations;
    }

    /** A further-training (qualification upgrade) programme is at least 16 hours (Minobrnauki order 499, p. 12). */
    public static final int MIN_HOURS = 16;

    /** How far ahead a programme may be planned: the deadlines of a later one could not be counted sensibly. */
    static final int YEARS_AHEAD = 5;

    /**
     * Every deadline of an application counts working days of the production calendar from the programme's dates,
     * so they lie where the calendar has data: from its first year, and no more than {@value #YEARS_AHEAD} years on.
     * A 422 naming each date outside, with the years covered.
     */
    public static void requireWithinCalendar(ProgrammeDescription d, ProductionCalendar calendar, LocalDate today) {
        int first = calendar.firstKnownYear();
        int last = today.getYear() + YEARS_AHEAD;
        String message = "Сроки заявок считаются по рабочим дням производственного календаря " + first + "–" + last
                + " годов: дата программы должна лежать в этих годах";
        List<FieldViolation> outside = new ArrayList<>();
        for (var date : List.of(Map.entry("startDate", Optional.ofNullable(d.startDate())),
                Map.entry("endDate", Optional.ofNullable(d.endDate())))) {
            date.getValue().filter(day -> day.getYear() < first || day.getYear() > last)
                    .ifPresent(day -> outside.add(new FieldViolation(date.getKey(), "дата вне производственного календаря ("
                            + first + "–" + last + ")")));
        }
        if (!outside.isEmpty()) {
            throw new RuleViolationException("calendar-coverage", outside, message,
                    Map.of("firstCalendarYear", first, "lastCalendarYear", last));
        }
    }

    /** A course ends on or after the day it starts. */
    static void checkPeriod(ProgrammeDescription d, List<FieldViolation> violations) {
        if (d.endDate().isBefore(d.startDate())) {
            violations.add(new FieldViolation("endDate", "дата окончания раньше даты начала"));
        }
    }

    /** The most a participant's training may cost: nine digits of roubles. */
    static final BigDecimal HIGHEST_PRICE = new BigDecimal("999999999.99");

    /** A price is never negative, has at most kopecks and at most nine digits of roubles. */
    static void checkPrice(BigDecimal price, List<FieldViolation> violations) {
        if (price.signum() < 0) {
            violations.add(new FieldViolation("pricePerParticipant", "стоимость не может быть отрицательной"));
        } else if (price.compareTo(HIGHEST_PRICE) > 0) {
            violations.add(new FieldViolation("pricePerParticipant", "не больше 999 999 999,99 руб."));
        } else if (price.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation("pricePerParticipant", "не больше двух знаков после запятой (копейки)"));
        }
    }

    /** A subject is listed once; case and surrounding spaces do not make a new one. */
    static void checkSubjectsDistinct(List<String> subjects, List<FieldViolation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            if (subject != null && !subject.isBlank() && !seen.add(subject.strip().toLowerCase(Locale.ROOT))) {
                violations.add(new FieldViolation("subjects[" + i + "]", "предмет указан дважды"));
            }
        }
    }

    /** A tutor has a name and a valid e-mail: participants write to them. */
    static List<Tutor> checkTutors(List<Tutor> tutors, List<FieldViolation> violations) {
        List<Tutor> checked = new ArrayList<>();
        for (int i = 0; i < tutors.size(); i++) {
            Tutor t = tutors.get(i);
            if (t == null || t.name() == null || t.name().isBlank()) {
                violations.add(new FieldViolation("tutors[" + i + "].name", "укажите имя тьютора"));
            }
            String email = t == null ? null : t.email();
            var problem = EmailAddress.problem(email);
            if (problem.isPresent()) {
                violations.add(new FieldViolation("tutors[" + i + "].email", problem.get()));
            } else if (t != null && t.name() != null) {
                checked.add(new Tutor(t.name().strip(), EmailAddress.parse(email).value()));
            }
        }
        return checked;
    }

    @EventSourcingHandler
    void on(ProgrammePublished event) {
        this.programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(ProgrammeClosed event) {
        this.closed = true;
    }
}
