package ru.fioco.training.platform.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.health.api.Wellness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * DOWN while the publisher waits at a parked event, naming it; also the publisher's lag. A wellness check
 * ({@code /q/health/well}, and part of {@code /q/health}), not liveness or readiness: restarting the process or
 * taking it out of traffic cures nothing and would keep staff from the admin API where they release or skip it.
 */
@Wellness
@ApplicationScoped
public class PublisherQuarantineHealth implements HealthCheck {

    @Inject
    PublisherRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        EventPublisher publisher = runtime.publisher();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-publisher-quarantine");
        if (publisher == null) {
            return b.up().withData("enabled", false).build();
        }
        try {
            b.withData("unpublished", runtime.unpublished());
        } catch (RuntimeException mongoAway) {
            b.withData("unpublished", "unknown: " + mongoAway.getMessage());
        }
        return publisher.parked().map(entry -> b.down()
                        .withData("parkedEvent", entry.eventId())
                        .withData("type", entry.type())
                        .withData("reason", entry.reason()))
                .orElseGet(b::up)
                .build();
    }
}
