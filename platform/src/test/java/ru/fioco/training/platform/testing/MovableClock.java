package ru.fioco.training.platform.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock tests move between days: noon in Moscow of the day set, so that deadlines on the production
 * calendar are deterministic. Axon's fixtures take their resources once, and a Quarkus app its beans once;
 * both keep this one instance and the test moves it.
 */
public class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(LocalDate moscowDate) {
        at(moscowDate);
    }

    public MovableClock() {
        this(LocalDate.of(2026, 11, 23));
    }

    public void at(LocalDate moscowDate) {
        now = moscowDate.atTime(12, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    /** An exact moment, for what happens at a time of day (reminders at 09:00). */
    public void at(Instant moment) {
        now = moment;
    }

    public void at(String moscowDate) {
        at(LocalDate.parse(moscowDate));
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
