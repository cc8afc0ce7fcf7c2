package ru.fioco.training.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.platform.calendar.ProductionCalendar;

/** Reminder moments on the production calendar, at 09:00 Moscow time. */
class ReminderTest {

    static final ProductionCalendar CALENDAR = ProductionCalendar.official();

    @Test
    void aCourseStartingAfterTheMayHolidaysIsRemindedOfThreeWorkingDaysBefore() {
        // Monday 12 May 2025; 8 to 11 May are days off: 7, 6, 5 May are the three working days before
        Reminder soon = Reminder.courseStartsSoon("a", LocalDate.of(2025, 5, 12), CALENDAR);
        assertThat(soon.fireAt()).isEqualTo(Instant.parse("2025-05-05T06:00:00Z"));
        assertThat(soon.expiresAt()).isEqualTo(Instant.parse("2025-05-11T21:00:00Z"));
        assertThat(soon.id()).isEqualTo("a:COURSE_STARTS_SOON:2025-05-12");
        Reminder tomorrow = Reminder.courseStartsTomorrow("a", LocalDate.of(2025, 5, 12));
        assertThat(tomorrow.fireAt()).isEqualTo(Instant.parse("2025-05-11T06:00:00Z"));
        assertThat(tomorrow.kind()).isEqualTo(NoticeKind.COURSE_STARTS_TOMORROW);
    }

    @Test
    void dueDatesAreRemindedOnTheWorkingDayBeforeAndOverdueOnTheWorkingDayAfter() {
        // due Monday 12 January 2026: the New Year holidays run to 11 January and 31 December 2025 is a day off too
        Reminder due = Reminder.originalsDue("a", LocalDate.of(2026, 1, 12), CALENDAR);
        assertThat(due.fireAt()).isEqualTo(Instant.parse("2025-12-30T06:00:00Z"));
        assertThat(due.expiresAt()).isEqualTo(Instant.parse("2026-01-12T21:00:00Z"));
        Reminder overdue = Reminder.originalsOverdue("a", LocalDate.of(2026, 1, 12), CALENDAR);
        assertThat(overdue.fireAt()).isEqualTo(Instant.parse("2026-01-13T06:00:00Z"));
        assertThat(overdue.expiresAt()).isEqualTo(Instant.MAX);
        Reminder review = Reminder.reviewDueTomorrow("a", LocalDate.of(2026, 11, 26), CALENDAR);
        assertThat(review.fireAt()).isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
    }

    @Test
    void aReminderOnAProvisionalYearSaysSo() {
        int provisionalYear = CALENDAR.officialYears().last() + 2;
        Reminder soon = Reminder.courseStartsSoon("a", LocalDate.of(provisionalYear, 3, 16), CALENDAR);
        assertThat(soon.provisional()).isTrue();
    }
}
