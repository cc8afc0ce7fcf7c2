package ru.fioco.training.platform.testing;

/** The events of the platform's own tests: no domain, just something to store and publish. */
public sealed interface TestEvent permits TestEvent.Appended {

    String TYPE_PREFIX = "ru.fioco.training.test";

    /** The {@code n}-th event of a stream. */
    record Appended(String streamId, long n) implements TestEvent {
    }
}
