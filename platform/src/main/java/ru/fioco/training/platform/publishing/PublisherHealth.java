package ru.fioco.training.platform.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** Reports whether the event publisher is running, how much it published and its last error. */
@Liveness
@ApplicationScoped
public class PublisherHealth implements HealthCheck {

    @Inject
    PublisherRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        EventPublisher publisher = runtime.publisher();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-publisher");
        if (publisher == null) {
            return b.up().withData("enabled", false).build();
        }
        b.status(publisher.isRunning())
                .withData("published", publisher.publishedCount())
                .withData("lastProgress", publisher.lastProgress().toString());
        if (publisher.lastError() != null) {
            b.withData("lastError", publisher.lastError());
        }
        return b.build();
    }
}
