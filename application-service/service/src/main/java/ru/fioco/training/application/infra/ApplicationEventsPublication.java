package ru.fioco.training.application.infra;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import ru.fioco.training.application.api.ApplicationEvent;
import ru.fioco.training.application.api.RepresentativeEvent;
import ru.fioco.training.platform.api.EventTypes;
import ru.fioco.training.platform.publishing.SealedEventPublication;

/**
 * application-service publishes its events on the {@code applications} topic, keyed by application (or programme)
 * id, and the representatives' on a topic of their own, {@code representatives}, keyed by the person.
 */
@ApplicationScoped
public class ApplicationEventsPublication extends SealedEventPublication {

    private static final EventTypes<RepresentativeEvent> REPRESENTATIVES =
            EventTypes.ofSealed(RepresentativeEvent.class, RepresentativeEvent.TYPE_PREFIX);

    public ApplicationEventsPublication() {
        super(ApplicationEvent.class, ApplicationEvent.TOPIC, ApplicationEvent.TYPE_PREFIX, "/application-service");
    }

    @Override
    public Set<String> topics() {
        return Set.of(ApplicationEvent.TOPIC, RepresentativeEvent.TOPIC);
    }

    @Override
    public String topicOf(Object payload) {
        return payload instanceof RepresentativeEvent ? RepresentativeEvent.TOPIC : super.topicOf(payload);
    }

    @Override
    public String typeOf(Object payload) {
        return payload instanceof RepresentativeEvent ? REPRESENTATIVES.typeOf(payload) : super.typeOf(payload);
    }
}
