package ru.fioco.training.application.infra;

import jakarta.enterprise.context.ApplicationScoped;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.platform.events.EventTypes;
import ru.fioco.training.platform.publishing.EventPublication;

/** application-service publishes its events on the {@code applications} topic, keyed by application (or programme) id. */
@ApplicationScoped
public class ApplicationEventsPublication implements EventPublication {

    private final EventTypes<ApplicationEvent> types = EventTypes.ofSealed(ApplicationEvent.class, ApplicationEvent.TYPE_PREFIX);

    @Override
    public String topic() {
        return ApplicationEvent.TOPIC;
    }

    @Override
    public String source() {
        return "/application-service";
    }

    @Override
    public EventTypes<?> types() {
        return types;
    }
}
