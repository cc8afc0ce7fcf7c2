package ru.fioco.training.platform.mongo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.Callable;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Lets a rebuild write a read model into a copy beside the live one. A read model's class holds a collection from
 * {@link ServiceDatabase#readModel}, which names the live collection everywhere but on a thread inside
 * {@link #writingTo}: there the same handlers, run over the whole history, fill the rebuild's copy, while readers
 * and the live handlers keep using the live collection until the copy is switched in.
 */
public final class ReadModelCollections {

    private static final ThreadLocal<Map<String, String>> REDIRECTS = new ThreadLocal<>();

    private ReadModelCollections() {
    }

    /** Runs {@code work} with every read model collection named in {@code redirects} replaced by its copy. */
    public static <T> T writingTo(Map<String, String> redirects, Callable<T> work) throws Exception {
        Map<String, String> outer = REDIRECTS.get();
        REDIRECTS.set(Map.copyOf(redirects));
        try {
            return work.call();
        } finally {
            if (outer == null) {
                REDIRECTS.remove();
            } else {
                REDIRECTS.set(outer);
            }
        }
    }

    static String resolve(String collection) {
        Map<String, String> redirects = REDIRECTS.get();
        return redirects == null ? collection : redirects.getOrDefault(collection, collection);
    }

    /** A collection whose name is resolved at every call, so a rebuild on this thread may redirect it. */
    @SuppressWarnings("unchecked")
    static MongoCollection<Document> of(MongoDatabase database, String collection) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "read model collection " + collection;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    }
                    try {
                        return method.invoke(database.getCollection(resolve(collection)), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
