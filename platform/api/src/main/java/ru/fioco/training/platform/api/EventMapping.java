package ru.fioco.training.platform.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value for each event of a sealed interface (a status it leads to, a line of the history), with every
 * permitted event declared: mapped or ignored. {@link Builder#build()} fails naming the owner and each event it
 * left out, as {@link EventHandlers} does.
 */
public final class EventMapping<E, R> {

    private final String owner;
    private final Map<Class<?>, Function<Object, R>> mappings;

    private EventMapping(Declarations<E, Function<Object, R>> declared) {
        this.mappings = declared.complete();
        this.owner = declared.owner();
    }

    public static <E, R> Builder<E, R> of(Class<E> sealedInterface, String owner) {
        return new Builder<>(new Declarations<>(sealedInterface, owner));
    }

    /** The event's value; empty for an event declared as ignored. */
    public Optional<R> apply(E event) {
        Function<Object, R> mapping = mappings.get(event.getClass());
        return mapping == null ? Optional.empty() : Optional.ofNullable(mapping.apply(event));
    }

    public String owner() {
        return owner;
    }

    /** Collects the declarations; {@link #build()} checks that none is missing. */
    public static final class Builder<E, R> {

        private final Declarations<E, Function<Object, R>> declared;

        private Builder(Declarations<E, Function<Object, R>> declared) {
            this.declared = declared;
        }

        @SuppressWarnings("unchecked")
        public <T extends E> Builder<E, R> map(Class<T> type, Function<? super T, ? extends R> mapping) {
            declared.handle(type, event -> ((Function<Object, R>) mapping).apply(event));
            return this;
        }

        /** Events that have no value here (they change nothing of what is mapped). */
        @SafeVarargs
        public final Builder<E, R> ignore(Class<? extends E>... types) {
            for (Class<? extends E> type : types) {
                declared.ignore(type);
            }
            return this;
        }

        /** @throws UndeclaredEventException naming the owner and the events it did not declare */
        public EventMapping<E, R> build() {
            return new EventMapping<>(declared);
        }
    }
}
