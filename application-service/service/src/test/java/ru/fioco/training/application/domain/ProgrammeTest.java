package ru.fioco.training.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.application.api.ProgrammePublished;
import ru.fioco.training.platform.errors.InvalidInputException;

/** The programme's rules, given/when/then on Axon's fixture: no infrastructure. */
class ProgrammeTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    @Test
    void publishesAProgrammeWithTrimmedTexts() {
        fixture.givenNoPriorActivity()
                .when(new PublishProgramme("p1", "  Оценивание  ", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1),
                        16, List.of(" Математика "), new BigDecimal("0")))
                .expectEvents(new ProgrammePublished("p1", "Оценивание", LocalDate.of(2027, 2, 1),
                        LocalDate.of(2027, 2, 1), 16, List.of("Математика"), new BigDecimal("0")));
    }

    @Test
    void refusesACourseEndingBeforeItStartsAndANegativePriceAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new PublishProgramme("p1", "Курс", LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 1), 16,
                        List.of("Математика", "МАТЕМАТИКА"), new BigDecimal("-5")))
                .expectNoEvents()
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("endDate"),
                        org.hamcrest.Matchers.containsString("pricePerParticipant"),
                        org.hamcrest.Matchers.containsString("subjects[1]")));
    }

    @Test
    void priceHasAtMostKopecks() {
        List<ru.fioco.training.platform.errors.FieldViolation> violations = new java.util.ArrayList<>();
        Programme.checkPrice(new BigDecimal("10.001"), violations);
        Programme.checkPrice(new BigDecimal("10.10"), violations);
        assertThat(violations).extracting(ru.fioco.training.platform.errors.FieldViolation::field)
                .containsExactly("pricePerParticipant");
    }
}
