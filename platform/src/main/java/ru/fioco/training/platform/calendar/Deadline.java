package ru.fioco.training.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day computed on the production calendar.
 *
 * @param date        the day (a Moscow date); the whole of it counts, until 23:59:59 Moscow time
 * @param provisional true when some day consulted in the computation lies in a year without official
 *                    data, i.e. was judged by the Labour Code alone and may change once the Government's
 *                    decree for that year is loaded
 */
public record Deadline(LocalDate date, boolean provisional) {

    public Deadline {
        Objects.requireNonNull(date, "date");
    }
}
