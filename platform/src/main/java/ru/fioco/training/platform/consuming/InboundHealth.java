package ru.fioco.training.platform.consuming;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.health.api.Wellness;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * What the service's consumers wait on: each record retried for a transient reason (its position, event, attempts,
 * since when, the last failure), and how many dead letters wait for staff. DOWN once one record has been retried
 * longer than {@code platform.consumers.waiting-alarm}: a blip is normal, a partition held for minutes is not. A
 * wellness check, like the publisher's quarantine: a restart or losing traffic would not help.
 */
@Wellness
@ApplicationScoped
public class InboundHealth implements HealthCheck {

    @Inject
    InboundEvents inbound;

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "platform.consumers.waiting-alarm", defaultValue = "PT1M")
    Duration alarm;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-consumers").up();
        try {
            b.withData("deadLettersWaiting", deadLetters.waiting());
        } catch (RuntimeException mongoAway) {
            b.withData("deadLettersWaiting", "unknown: " + mongoAway.getMessage());
        }
        Instant now = Instant.now();
        inbound.waits().values().forEach(w -> {
            b.withData(w.consumer(), "waits on " + w.record() + " (ce_id " + w.eventId() + ") since " + w.since()
                    + ", attempt " + w.attempts() + ": " + w.lastError());
            if (w.since().plus(alarm).isBefore(now)) {
                b.down();
            }
        });
        return b.build();
    }
}
