package ru.fioco.training.messaging;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import ru.fioco.training.platform.testing.MovableClock;

/** The service's clock in its tests (replaces the platform's system clock): moved between moments by the tests. */
@Singleton
public class AdjustableClock extends MovableClock {

    public void set(LocalDate moscowDate) {
        at(moscowDate);
    }
}
