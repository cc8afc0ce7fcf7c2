package ru.fioco.training.platform.publishing;

import ru.fioco.training.platform.api.EventTypes;

/** The usual {@link EventPublication}: the events a sealed interface lists, on one topic, from one source. */
public abstract class SealedEventPublication implements EventPublication {

    private final String topic;
    private final String source;
    private final EventTypes<?> types;

    protected SealedEventPublication(Class<?> sealedEvents, String topic, String typePrefix, String source) {
        this.topic = topic;
        this.source = source;
        this.types = EventTypes.ofSealed(sealedEvents, typePrefix);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public EventTypes<?> types() {
        return types;
    }
}
