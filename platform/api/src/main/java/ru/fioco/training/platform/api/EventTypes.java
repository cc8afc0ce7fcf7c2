package ru.fioco.training.platform.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable names of one service's events on the wire ({@code ce_type}), derived from the sealed
 * interface that lists them: {@code <prefix>.<RecordName>}. Renaming a record is therefore a
 * breaking change, caught by the JSON golden tests of the api module.
 */
public final class EventTypes<E> {

    private final String prefix;
    private final Map<String, Class<? extends E>> byName;

    private EventTypes(String prefix, Map<String, Class<? extends E>> byName) {
        this.prefix = prefix;
        this.byName = byName;
    }

    /** The event types listed by a sealed interface's permitted records. */
    @SuppressWarnings("unchecked")
    public static <E> EventTypes<E> ofSealed(Class<E> sealedInterface, String prefix) {
        if (!sealedInterface.isSealed()) {
            throw new IllegalArgumentException(sealedInterface + " must be a sealed interface listing its events");
        }
        Map<String, Class<? extends E>> byName = Arrays.stream(sealedInterface.getPermittedSubclasses())
                .map(c -> (Class<? extends E>) c)
                .collect(Collectors.toUnmodifiableMap(c -> prefix + "." + c.getSimpleName(), Function.identity()));
        return new EventTypes<>(prefix, byName);
    }

    public String typeOf(Object event) {
        return prefix + "." + event.getClass().getSimpleName();
    }

    public Optional<Class<? extends E>> classOf(String type) {
        return Optional.ofNullable(byName.get(type));
    }

    public boolean knows(String type) {
        return byName.containsKey(type);
    }
}
