package ru.fioco.training.application.infra;

import jakarta.enterprise.context.ApplicationScoped;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.platform.publishing.SealedEventPublication;

/** application-service publishes its events on the {@code applications} topic, keyed by application (or programme) id. */
@ApplicationScoped
public class ApplicationEventsPublication extends SealedEventPublication {

    public ApplicationEventsPublication() {
        super(ApplicationEvent.class, ApplicationEvent.TOPIC, ApplicationEvent.TYPE_PREFIX, "/application-service");
    }
}
