package ru.fioco.training.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ProgrammeChanged;
import ru.fioco.training.application.api.ProgrammeClosed;
import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.application.domain.ProgrammeCommands.ChangeProgramme;
import ru.fioco.training.application.domain.ProgrammeCommands.CloseProgramme;
import ru.fioco.training.application.domain.ProgrammeCommands.ProgrammeDescription;
import ru.fioco.training.application.domain.ProgrammeCommands.PublishProgramme;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.RuleViolationException;
import ru.fioco.training.platform.testing.MovableClock;

/** The programme's rules, given/when/then on Axon's fixture: no infrastructure. */
class ProgrammeTest {

    static final LocalDate START = LocalDate.of(2027, 2, 1);
    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(ProductionCalendar.official());
        MovableClock clock = new MovableClock();
        clock.at("2026-11-23");
        fixture.registerInjectableResource(clock);
    }

    @Test
    void publishesAProgrammeWithTrimmedTextsAndNormalisedTutorEmails() {
        fixture.givenNoPriorActivity()
                .when(new PublishProgramme("p1", new ProgrammeDescription("  Оценивание  ", START, START, 16,
                        List.of(" Математика "), new BigDecimal("0"), " https://lms.fioco.ru/course/1 ",
                        List.of(new Tutor(" Иванова М. П. ", "Tutor@FIOCO.ru")))))
                .expectEvents(new ProgrammePublished("p1", "Оценивание", START, START, 16, List.of("Математика"),
                        new BigDecimal("0"), "https://lms.fioco.ru/course/1",
                        List.of(new Tutor("Иванова М. П.", "Tutor@fioco.ru"))));
    }

    @Test
    void refusesACourseEndingBeforeItStartsANegativePriceARepeatedSubjectAndABadTutorAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new PublishProgramme("p1", new ProgrammeDescription("Курс", START.plusDays(9), START, 16,
                        List.of("Математика", "МАТЕМАТИКА"), new BigDecimal("-5"), null,
                        List.of(new Tutor("Тьютор", "нет-почты")))))
                .expectNoEvents()
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(Matchers.allOf(
                        Matchers.containsString("endDate"),
                        Matchers.containsString("pricePerParticipant"),
                        Matchers.containsString("subjects[1]"),
                        Matchers.containsString("tutors[0].email")));
    }

    @Test
    void changesAndClosesOnceOnly() {
        ProgrammePublished published = new ProgrammePublished("p1", "Курс", START, START, 16, List.of("Математика"),
                BigDecimal.TEN, null, List.of());
        fixture.given(published)
                .when(new ChangeProgramme("p1", new ProgrammeDescription("Курс 2", START, START.plusDays(1), 24,
                        List.of("Физика"), BigDecimal.ONE, null, List.of())))
                .expectEvents(new ProgrammeChanged("p1", "Курс 2", START, START.plusDays(1), 24, List.of("Физика"),
                        BigDecimal.ONE, null, List.of()));
        fixture.given(published).when(new CloseProgramme("p1")).expectEvents(new ProgrammeClosed("p1"));
        fixture.given(published, new ProgrammeClosed("p1")).when(new CloseProgramme("p1"))
                .expectException(ConflictException.class);
    }

    @Test
    void priceHasAtMostKopecks() {
        List<FieldViolation> violations = new ArrayList<>();
        Programme.checkPrice(new BigDecimal("10.001"), violations);
        Programme.checkPrice(new BigDecimal("10.10"), violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("pricePerParticipant");
    }

    @Test
    void datesOutsideTheProductionCalendarAreNamedWithTheYearsItCovers() {
        fixture.givenNoPriorActivity()
                .when(new PublishProgramme("p1", new ProgrammeDescription("Курс", LocalDate.of(2023, 9, 1),
                        LocalDate.of(2023, 9, 12), 16, List.of("Математика"), BigDecimal.TEN, null, List.of())))
                .expectNoEvents().expectException(RuleViolationException.class)
                .expectExceptionMessage(Matchers.containsString("2024"));
        fixture.givenNoPriorActivity()
                .when(new PublishProgramme("p1", new ProgrammeDescription("Курс", LocalDate.of(2027, 9, 1),
                        LocalDate.of(2099, 9, 12), 16, List.of("Математика"), BigDecimal.TEN, null, List.of())))
                .expectNoEvents().expectException(RuleViolationException.class);
    }
}
