package ru.fioco.training.platform.calendar;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The clock and the production calendar of a service. The calendar is the shipped official data,
 * with the years found in {@code platform.calendar.directory} (files {@code ru-YYYY.xml}) replacing
 * or adding to them. Tests replace the clock with a bean of their own.
 */
public class TimeProducers {

    /**
     * The system clock, or (only where {@code platform.clock.offset} is set, e.g. {@code P3D}) the system clock
     * running that far ahead: lets a staging run or a system test see what happens days later, reminders
     * and deadlines included. Never set it in production; the service says so loudly when it is set.
     */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "platform.clock.offset") Optional<Duration> offset) {
        if (offset.isPresent() && !offset.get().isZero()) {
            Logger.getLogger(TimeProducers.class).warnf(
                    "platform.clock.offset=%s: this service's clock runs %s ahead of real time (testing and staging only)",
                    offset.get(), offset.get());
            return Clock.offset(Clock.systemUTC(), offset.get());
        }
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ProductionCalendar productionCalendar(
            @ConfigProperty(name = "platform.calendar.directory") Optional<String> directory) {
        return directory.filter(d -> !d.isBlank())
                .map(d -> ProductionCalendar.load(Path.of(d)))
                .orElseGet(ProductionCalendar::official);
    }
}
