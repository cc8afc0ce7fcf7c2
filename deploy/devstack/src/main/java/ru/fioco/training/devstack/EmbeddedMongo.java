package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.exception.MongoServerException;

/**
 * The MongoDB wire protocol served in this JVM by mongo-java-server: in memory for tests, in an H2
 * file for the local run so that data survives a restart. It enforces unique indexes (so the event
 * store's optimistic concurrency works) but ignores the others and has no transactions.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final AtomicBoolean down = new AtomicBoolean();

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(failingWhileDown(backend, down));
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** An empty server in memory, on a free loopback port. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), FreePorts.pick());
    }

    /** A server persisting to {@code file} (an H2 MVStore), on the given loopback port. */
    public static EmbeddedMongo onDisk(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedMongo(new H2Backend(file.toString()), port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /**
     * A fault from outside, for tests: until the returned handle is closed every request the server gets (the
     * driver's heartbeats included) fails, as while a replica set elects a primary or the server is unreachable.
     * The data stays.
     */
    public AutoCloseable outage() {
        down.set(true);
        return () -> down.set(false);
    }

    private static MongoBackend failingWhileDown(MongoBackend backend, AtomicBoolean down) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (down.get() && method.getName().startsWith("handle") && !method.getName().equals("handleClose")) {
                throw new MongoServerException("simulated outage of the embedded MongoDB server");
            }
            try {
                return method.invoke(backend, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, handler);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
