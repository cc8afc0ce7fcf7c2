package ru.fioco.training.platform.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.common.Registration;

import ru.fioco.training.platform.axon.AxonRuntime;

/**
 * Sees every command the service dispatches while it is open: how a test shows that something (a rebuild) sent
 * no command, and, to show the watch itself works, that live work afterwards did.
 */
public final class CommandWatch implements AutoCloseable {

    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final Registration registration;

    private CommandWatch(AxonRuntime axon) {
        registration = axon.configuration().commandBus().registerDispatchInterceptor(messages -> (index, message) -> {
            seen.add(message.getPayload());
            return message;
        });
    }

    public static CommandWatch on(AxonRuntime axon) {
        return new CommandWatch(axon);
    }

    /** The commands seen whose content names {@code id} (an application, a programme). */
    public List<Object> about(String id) {
        return seen.stream().filter(c -> String.valueOf(c).contains(id)).toList();
    }

    @Override
    public void close() {
        registration.cancel();
    }
}
