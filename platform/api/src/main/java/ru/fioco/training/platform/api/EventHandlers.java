package ru.fioco.training.platform.api;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What one reader (a topic consumer, a projection, a policy, a fold) does with each event of a sealed
 * interface: every permitted event is declared, handled or ignored, and {@link Builder#build()} fails naming the
 * reader and each event it left out. So adding an event to a service's sealed interface breaks every reader
 * that has not said what the event means to it, instead of being dropped in silence.
 *
 * @param <E> the sealed interface
 * @param <C> what a handler gets beside the event (the CloudEvent envelope, the event's time, a fold's state)
 */
public final class EventHandlers<E, C> {

    private final String owner;
    private final Class<E> sealedInterface;
    private final Map<Class<?>, BiConsumer<Object, C>> handlers;

    private EventHandlers(Declarations<E, BiConsumer<Object, C>> declared) {
        this.handlers = declared.complete();
        this.owner = declared.owner();
        this.sealedInterface = declared.sealedInterface();
    }

    /** @param owner names the reader in the failure, e.g. the consumer's name or the processing group */
    public static <E, C> Builder<E, C> of(Class<E> sealedInterface, String owner) {
        return new Builder<>(new Declarations<>(sealedInterface, owner));
    }

    /**
     * Runs the event's handler.
     *
     * @return {@code true} if the event is handled here, {@code false} if it is declared as ignored
     */
    public boolean handle(E event, C context) {
        if (!sealedInterface.isInstance(event)) {
            throw new IllegalArgumentException(owner + " reads " + sealedInterface.getSimpleName() + ", not " + event);
        }
        BiConsumer<Object, C> handler = handlers.get(event.getClass());
        if (handler == null) {
            return false;
        }
        handler.accept(event, context);
        return true;
    }

    /** The events this reader handles (not those it ignores). */
    public Set<Class<?>> handled() {
        return handlers.keySet();
    }

    public String owner() {
        return owner;
    }

    /** Collects the declarations; {@link #build()} checks that none is missing. */
    public static final class Builder<E, C> {

        private final Declarations<E, BiConsumer<Object, C>> declared;

        private Builder(Declarations<E, BiConsumer<Object, C>> declared) {
            this.declared = declared;
        }

        @SuppressWarnings("unchecked")
        public <T extends E> Builder<E, C> handle(Class<T> type, BiConsumer<? super T, ? super C> handler) {
            declared.handle(type, (event, context) -> ((BiConsumer<Object, C>) handler).accept(event, context));
            return this;
        }

        public <T extends E> Builder<E, C> handle(Class<T> type, Consumer<? super T> handler) {
            return handle(type, (T event, C context) -> handler.accept(event));
        }

        /** Events this reader has nothing to do with, named one by one. */
        @SafeVarargs
        public final Builder<E, C> ignore(Class<? extends E>... types) {
            for (Class<? extends E> type : types) {
                declared.ignore(type);
            }
            return this;
        }

        /** @throws UndeclaredEventException naming the reader and the events it did not declare */
        public EventHandlers<E, C> build() {
            return new EventHandlers<>(declared);
        }
    }
}
