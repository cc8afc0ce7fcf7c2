package ru.fioco.training.messaging.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import ru.fioco.training.messaging.api.NoticeKind;
import ru.fioco.training.platform.calendar.Deadline;
import ru.fioco.training.platform.calendar.ProductionCalendar;

/**
 * A reminder kept as data: it names its moment and the date it is about, so it survives restarts, and its
 * id is fixed by what it reminds of, so scheduling it again changes nothing. It fires once, at 09:00 Moscow
 * time of its day, and not after {@code expiresAt} (a reminder of a course that has begun is pointless).
 *
 * @param about       the date the reminder is about (course start, review or originals due date)
 * @param provisional the day was counted on a provisional production calendar
 */
public record Reminder(String id, String applicationId, NoticeKind kind, LocalDate about, Instant fireAt,
        Instant expiresAt, boolean provisional) {

    /** Reminders go out at the start of the working day, when staff and schools read mail. */
    public static final LocalTime MORNING = LocalTime.of(9, 0);

    public Reminder {
        if (!fireAt.isBefore(expiresAt)) {
            throw new IllegalArgumentException("a reminder must fire before it expires: " + fireAt + " / " + expiresAt);
        }
    }

    /** «Курс начинается через 3 рабочих дня»: the 3rd working day before the start (the start not counted). */
    public static Reminder courseStartsSoon(String applicationId, LocalDate start, ProductionCalendar calendar) {
        Deadline day = calendar.lastDayNoLaterThanWorkingDaysBefore(start, 3);
        return of(applicationId, NoticeKind.COURSE_STARTS_SOON, start, day, startOf(start));
    }

    /** «Курс начинается завтра»: one calendar day before, as the webinar regulation reminds of invitations. */
    public static Reminder courseStartsTomorrow(String applicationId, LocalDate start) {
        return of(applicationId, NoticeKind.COURSE_STARTS_TOMORROW, start, new Deadline(start.minusDays(1), false),
                startOf(start));
    }

    /** To staff: the review of a submitted application is due tomorrow (the working day before the due date). */
    public static Reminder reviewDueTomorrow(String applicationId, LocalDate due, ProductionCalendar calendar) {
        return of(applicationId, NoticeKind.REVIEW_DUE_TOMORROW, due,
                calendar.lastDayNoLaterThanWorkingDaysBefore(due, 1), endOf(due));
    }

    /** To the organisation: the originals are due tomorrow (the working day before the due date). */
    public static Reminder originalsDue(String applicationId, LocalDate due, ProductionCalendar calendar) {
        return of(applicationId, NoticeKind.ORIGINALS_DUE, due, calendar.lastDayNoLaterThanWorkingDaysBefore(due, 1),
                endOf(due));
    }

    /**
     * To both sides: the originals did not arrive by the due date; the first working day after it. Cancelled
     * when they arrive; it does not expire, a late notice still matters.
     */
    public static Reminder originalsOverdue(String applicationId, LocalDate due, ProductionCalendar calendar) {
        Deadline day = calendar.endOfWorkingDaysAfter(due, 1);
        return of(applicationId, NoticeKind.ORIGINALS_OVERDUE, due, day, Instant.MAX);
    }

    /** To the organisation: the invoice is due tomorrow (the working day before the due date). */
    public static Reminder paymentDueTomorrow(String applicationId, LocalDate due, ProductionCalendar calendar) {
        return of(applicationId, NoticeKind.PAYMENT_DUE_TOMORROW, due,
                calendar.lastDayNoLaterThanWorkingDaysBefore(due, 1), endOf(due));
    }

    /** To both sides: the invoice was not paid by its due date; cancelled when it is paid in full. */
    public static Reminder paymentOverdue(String applicationId, LocalDate due, ProductionCalendar calendar) {
        return of(applicationId, NoticeKind.PAYMENT_OVERDUE, due, calendar.endOfWorkingDaysAfter(due, 1), Instant.MAX);
    }

    private static Reminder of(String applicationId, NoticeKind kind, LocalDate about, Deadline day, Instant expiresAt) {
        Instant fireAt = day.date().atTime(MORNING).atZone(ProductionCalendar.MOSCOW).toInstant();
        if (!fireAt.isBefore(expiresAt)) {
            fireAt = expiresAt.minusSeconds(1);
        }
        return new Reminder(applicationId + ":" + kind + ":" + about, applicationId, kind, about, fireAt, expiresAt,
                day.provisional());
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ProductionCalendar.MOSCOW).toInstant();
    }

    private static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ProductionCalendar.MOSCOW).toInstant();
    }
}
