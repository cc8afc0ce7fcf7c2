package ru.fioco.training.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/** The service's clock in tests: set to a moment so that deadlines on the production calendar are deterministic. */
@Singleton
public class AdjustableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(noonInMoscow(LocalDate.of(2026, 11, 23)));

    public static Instant noonInMoscow(LocalDate date) {
        return date.atTime(12, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    public void set(LocalDate moscowDate) {
        now.set(noonInMoscow(moscowDate));
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
