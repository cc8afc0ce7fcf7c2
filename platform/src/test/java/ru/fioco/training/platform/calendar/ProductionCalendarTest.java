package ru.fioco.training.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production calendar against the official 2024–2026 data and the Labour Code for later years. */
class ProductionCalendarTest {

    static final ProductionCalendar CALENDAR = ProductionCalendar.official();

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---------------------------------------------------------------- the official data

    @Test
    void shipsTheOfficialYears2024To2026() {
        assertThat(CALENDAR.officialYears()).containsExactly(2024, 2025, 2026);
        assertThat(CALENDAR.firstKnownYear()).isEqualTo(2024);
        assertThat(ProductionCalendar.official()).isSameAs(CALENDAR);
    }

    @Test
    void aSaturdayListedAsShortenedIsAWorkingDay() {
        assertThat(CALENDAR.isWorkingDay(date("2025-11-01"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2024-11-02"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2024-04-27"))).as("Saturday with t=3").isTrue();
    }

    @Test
    void daysOffMovedByTheDecreeAreDaysOff() {
        assertThat(CALENDAR.isWorkingDay(date("2025-11-03"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2026-01-09"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2026-03-09"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2025-12-31"))).isFalse();
    }

    @Test
    void unlistedWeekdaysWorkAndUnlistedWeekendsRest() {
        assertThat(CALENDAR.isWorkingDay(date("2025-10-15"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2025-10-18"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2025-10-19"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2025-03-07"))).as("shortened weekday").isTrue();
    }

    // ---------------------------------------------------------------- "no later than N working days before"

    @Test
    void mayHolidaysOf2025MoveTheSubmissionDeadlineBack() {
        // 8 to 11 May 2025 are days off: the working days before Monday 12 May are 7, 6, 5 May
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2025-05-12"), 3))
                .isEqualTo(new Deadline(date("2025-05-05"), false));
        // 7, 6, 5 May, (1-4 May off), 30, 29, 28, 25 April
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2025-05-12"), 7).date())
                .isEqualTo(date("2025-04-25"));
    }

    @Test
    void aStartOnAMondayAfterAnOrdinaryWeekendDoesNotCountTheWeekend() {
        // Monday 20 October 2025: 17, 16, 15 October
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2025-10-20"), 3))
                .isEqualTo(new Deadline(date("2025-10-15"), false));
        // 17, 16, 15, 14, 13, 10, 9 October
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2025-10-20"), 7).date())
                .isEqualTo(date("2025-10-09"));
    }

    @Test
    void aStartJustAfterTheNewYearHolidaysOf2026ReachesBackIntoDecember() {
        // Monday 12 January 2026: 1-11 January off, 31 December 2025 off by decree;
        // 30, 29, 26, 25, 24, 23, 22 December
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2026-01-12"), 7))
                .isEqualTo(new Deadline(date("2025-12-22"), false));
    }

    @Test
    void aWorkingSaturdayCountsTowardsTheSubmissionDeadline() {
        // Monday 10 November 2025: 7, 6, 5, Saturday 1 (working), 31, 30, 29 (3 and 4 November off)
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2025-11-10"), 7).date())
                .isEqualTo(date("2025-10-29"));
    }

    // ---------------------------------------------------------------- "within N working days after"

    @Test
    void threeWorkingDaysAfterAFridayEndOnWednesday() {
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2025-10-17"), 3))
                .isEqualTo(new Deadline(date("2025-10-22"), false));
    }

    @Test
    void threeWorkingDaysAfterAHolidayStartCountingAfterTheDaysOff() {
        // Thursday 12 June 2025 (Russia Day), 13 June moved day off, weekend: 16, 17, 18 June
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2025-06-12"), 3))
                .isEqualTo(new Deadline(date("2025-06-18"), false));
        // 1 January 2026: days off to 11 January
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2026-01-01"), 3).date()).isEqualTo(date("2026-01-14"));
    }

    @Test
    void theDayOfTheEventIsNotCountedEvenWhenItIsAWorkingDay() {
        // Monday 28 April 2025: 29, 30 April, then 1-4 May off, 5 May
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2025-04-28"), 3).date()).isEqualTo(date("2025-05-05"));
    }

    // ---------------------------------------------------------------- provisional years

    @Test
    void aYearWithoutOfficialDataFollowsTheLabourCodeAndIsProvisional() {
        assertThat(CALENDAR.isProvisional(date("2027-03-01"))).isTrue();
        assertThat(CALENDAR.isProvisional(date("2026-12-31"))).isFalse();
        // Saturday 1 May 2027: the day off moves to Monday 3 May; Sunday 9 May to Monday 10 May
        assertThat(CALENDAR.isWorkingDay(date("2027-05-01"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2027-05-03"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2027-05-04"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2027-05-10"))).isFalse();
        // Saturday 12 June 2027 -> Monday 14 June
        assertThat(CALENDAR.isWorkingDay(date("2027-06-14"))).isFalse();
        // 1-8 January never move: Saturday 2 January 2027 leaves Monday 11 January a working day
        assertThat(CALENDAR.isWorkingDay(date("2027-01-08"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2027-01-11"))).isTrue();
        // ordinary days
        assertThat(CALENDAR.isWorkingDay(date("2027-02-23"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2027-02-24"))).isTrue();
    }

    @Test
    void aDeadlineCountedOnAProvisionalYearSaysSo() {
        // Friday 30 April 2027: 1-3 May off (3 May moved), then 4, 5, 6 May
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2027-04-30"), 3))
                .isEqualTo(new Deadline(date("2027-05-06"), true));
    }

    @Test
    void aComputationSpanning2026And2027IsProvisional() {
        // 31 December 2026 off by decree, 1-10 January 2027 off: 11, 12, 13 January
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2026-12-30"), 3))
                .isEqualTo(new Deadline(date("2027-01-13"), true));
        // Tuesday 12 January 2027: 11 January, then 30, 29, 28, 25, 24, 23 December 2026
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2027-01-12"), 7))
                .isEqualTo(new Deadline(date("2026-12-23"), true));
    }

    @Test
    void computationsWithin2026AreNotProvisional() {
        // Monday 28 December 2026: 25, 24, 23 December
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2026-12-28"), 3))
                .isEqualTo(new Deadline(date("2026-12-23"), false));
        assertThat(CALENDAR.endOfWorkingDaysAfter(date("2026-12-25"), 3))
                .isEqualTo(new Deadline(date("2026-12-30"), false));
        // a start on 1 January 2027 is counted on 2026's days only
        assertThat(CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2027-01-01"), 3))
                .isEqualTo(new Deadline(date("2026-12-28"), false));
    }

    @Test
    void datesBeforeTheFirstKnownYearAreRefused() {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(date("2023-12-29")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2023-12-29").hasMessageContaining("2024");
        // 1-8 January 2024 are off, so the count runs into 2023
        assertThatThrownBy(() -> CALENDAR.lastDayNoLaterThanWorkingDaysBefore(date("2024-01-10"), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024");
    }

    @Test
    void aCountOfZeroWorkingDaysIsRefused() {
        assertThatThrownBy(() -> CALENDAR.endOfWorkingDaysAfter(date("2025-10-17"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- Moscow time

    @Test
    void todayAndTheEndOfADayAreTakenInMoscow() {
        Clock lateOnNewYearsEveUtc = Clock.fixed(Instant.parse("2025-12-31T21:30:00Z"), ZoneOffset.UTC);
        assertThat(ProductionCalendar.today(lateOnNewYearsEveUtc)).isEqualTo(date("2026-01-01"));
        assertThat(ProductionCalendar.endOfDay(date("2025-05-05")).toInstant())
                .isEqualTo(Instant.parse("2025-05-05T20:59:59.999999999Z"));
        assertThat(ProductionCalendar.endOfDay(date("2025-05-05")).getZone()).isEqualTo(ProductionCalendar.MOSCOW);
    }

    // ---------------------------------------------------------------- configured files

    @Test
    void aConfiguredFileReplacesTheShippedYear(@TempDir Path directory) throws IOException {
        // a (fictional) decree making Monday 15 June 2026 a day off and nothing else
        Files.writeString(directory.resolve("ru-2026.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <calendar year="2026" lang="ru">
                    <days>
                        <day d="06.15" t="1"/>
                    </days>
                </calendar>
                """);
        Files.writeString(directory.resolve("README.txt"), "not a calendar");
        ProductionCalendar configured = ProductionCalendar.load(directory);

        assertThat(CALENDAR.isWorkingDay(date("2026-06-15"))).isTrue();
        assertThat(configured.isWorkingDay(date("2026-06-15"))).isFalse();
        assertThat(configured.isWorkingDay(date("2026-01-09"))).as("the whole year is replaced").isTrue();
        assertThat(configured.isWorkingDay(date("2025-11-03"))).as("other years stay").isFalse();
    }

    @Test
    void aConfiguredFileForTheNextYearMakesItOfficial(@TempDir Path directory) throws IOException {
        // New Year holidays, and a (fictional) move of their Saturday 2 January to Monday 11 January
        Files.writeString(directory.resolve("ru-2027.xml"), """
                <calendar year="2027"><days>
                    <day d="01.01" t="1"/><day d="01.02" t="1"/><day d="01.03" t="1"/><day d="01.04" t="1"/>
                    <day d="01.05" t="1"/><day d="01.06" t="1"/><day d="01.07" t="1"/><day d="01.08" t="1"/>
                    <day d="01.11" t="1" f="01.02"/>
                </days></calendar>
                """);
        ProductionCalendar configured = ProductionCalendar.load(directory);

        assertThat(configured.officialYears()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(configured.isProvisional(date("2027-01-11"))).isFalse();
        assertThat(configured.isWorkingDay(date("2027-01-11"))).isFalse();
        assertThat(configured.lastDayNoLaterThanWorkingDaysBefore(date("2027-01-13"), 2))
                .isEqualTo(new Deadline(date("2026-12-30"), false));
        assertThat(CALENDAR.isProvisional(date("2027-01-11"))).as("the shipped calendar is unchanged").isTrue();
    }

    @Test
    void anUploadedYearReplacesTheProvisionalOne() {
        ProductionCalendar updated = CALENDAR.withOfficialYear(new ByteArrayInputStream("""
                <calendar year="2027"><days><day d="05.04" t="1"/></days></calendar>
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(updated.isProvisional(date("2027-05-04"))).isFalse();
        assertThat(updated.isWorkingDay(date("2027-05-04"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2027-05-04"))).isTrue();
    }

    @Test
    void aFileWhoseYearDisagreesWithItsNameIsRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("ru-2027.xml"), "<calendar year=\"2028\"><days/></calendar>");

        assertThatThrownBy(() -> ProductionCalendar.load(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2028").hasMessageContaining("2027");
    }

    @Test
    void aFileWithAnImpossibleDayIsRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("ru-2027.xml"),
                "<calendar year=\"2027\"><days><day d=\"02.29\" t=\"1\"/></days></calendar>");

        assertThatThrownBy(() -> ProductionCalendar.load(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("02.29");
    }

    @Test
    void aFileWithADoctypeAndAnExternalEntityIsRefusedWithoutReadingTheEntity(@TempDir Path directory)
            throws IOException {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Files.writeString(directory.resolve("ru-2027.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE calendar [<!ENTITY xxe SYSTEM "%s">]>
                <calendar year="2027"><days><day d="&xxe;" t="1"/></days></calendar>
                """.formatted(secret.toUri()));

        assertThatThrownBy(() -> ProductionCalendar.load(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET-CONTENT");
    }

    @Test
    void aMissingDirectoryIsRefused(@TempDir Path directory) {
        assertThatThrownBy(() -> ProductionCalendar.load(directory.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent");
    }
}
