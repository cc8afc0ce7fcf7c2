package ru.fioco.training.platform.publishing;

import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import ru.fioco.training.platform.api.EventTypes;

/**
 * What a service publishes and how: its one topic, its CloudEvents source, the names of its event
 * types, and the key that keeps one application's events in order. Each service provides one bean.
 */
public interface EventPublication {

    /** The service's own topic, e.g. {@code applications}. */
    String topic();

    /** CloudEvents {@code ce_source}, e.g. {@code /application-service}. */
    String source();

    /** The wire names of the service's events. */
    EventTypes<?> types();

    /**
     * The topic of one event: the service's own topic, unless the service publishes a second stream apart from it
     * (application-service's representatives, which no reader of applications needs).
     */
    default String topicOf(Object payload) {
        return topic();
    }

    /** Every topic the service publishes to: its own, and any second stream {@link #topicOf} sends events to. */
    default Set<String> topics() {
        return Set.of(topic());
    }

    /** The wire name of one event. */
    default String typeOf(Object payload) {
        return types().typeOf(payload);
    }

    /**
     * The Kafka key and {@code ce_subject}: the application id for an application's events, so that
     * they stay in one partition and in order. By default the aggregate's identifier.
     */
    default String subject(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}
