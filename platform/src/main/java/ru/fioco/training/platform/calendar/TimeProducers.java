package ru.fioco.training.platform.calendar;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock and the production calendar of a service. The calendar is the shipped official data,
 * with the years found in {@code platform.calendar.directory} (files {@code ru-YYYY.xml}) replacing
 * or adding to them. Tests replace the clock with a bean of their own.
 */
public class TimeProducers {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
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
