package ru.fioco.training.platform.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part {@link EventHandlers} and {@link EventMapping} share: for a sealed interface, each permitted event
 * is declared exactly once, handled or ignored, and building fails naming the owner and every event left out.
 */
final class Declarations<E, H> {

    private final Class<E> sealedInterface;
    private final String owner;
    private final Set<Class<?>> permitted;
    private final Map<Class<?>, H> handled = new LinkedHashMap<>();
    private final Set<Class<?>> ignored = new LinkedHashSet<>();

    Declarations(Class<E> sealedInterface, String owner) {
        if (!sealedInterface.isSealed()) {
            throw new IllegalArgumentException(sealedInterface.getName() + " must be a sealed interface listing its events");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("name the reader that declares the events of " + sealedInterface.getName());
        }
        this.sealedInterface = sealedInterface;
        this.owner = owner;
        this.permitted = new LinkedHashSet<>(Arrays.asList(sealedInterface.getPermittedSubclasses()));
    }

    void handle(Class<?> type, H handler) {
        declare(type);
        handled.put(type, handler);
    }

    void ignore(Class<?> type) {
        declare(type);
        ignored.add(type);
    }

    private void declare(Class<?> type) {
        if (!permitted.contains(type)) {
            throw new IllegalArgumentException(owner + " declares " + type.getName() + ", which "
                    + sealedInterface.getSimpleName() + " does not permit");
        }
        if (handled.containsKey(type) || ignored.contains(type)) {
            throw new IllegalArgumentException(owner + " declares " + type.getSimpleName() + " twice");
        }
    }

    /** The handlers, once every permitted event is declared. */
    Map<Class<?>, H> complete() {
        List<Class<?>> missing = permitted.stream().filter(t -> !handled.containsKey(t) && !ignored.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new UndeclaredEventException(owner, sealedInterface, missing);
        }
        return Map.copyOf(handled);
    }

    String owner() {
        return owner;
    }

    Class<E> sealedInterface() {
        return sealedInterface;
    }
}
