package ru.fioco.training.platform.api;

import java.util.List;
import java.util.stream.Collectors;

/** A reader of a sealed interface's events declared neither "handle" nor "ignore" for some of them. */
public class UndeclaredEventException extends IllegalStateException {

    private final String owner;
    private final List<String> events;

    UndeclaredEventException(String owner, Class<?> sealedInterface, List<Class<?>> missing) {
        super(owner + " declares neither handle nor ignore for " + missing.stream().map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + " of " + sealedInterface.getSimpleName()
                + ": say what it does with each");
        this.owner = owner;
        this.events = missing.stream().map(Class::getSimpleName).toList();
    }

    /** The reader that left events out (a consumer, a projection, a fold). */
    public String owner() {
        return owner;
    }

    /** The simple names of the events it left out. */
    public List<String> events() {
        return events;
    }
}
