package ru.fioco.training.application;

import io.quarkus.test.common.QuarkusTestResource;

import ru.fioco.training.devstack.DevstackTestResource;

/** Every test of this module runs against the JVM's one embedded Kafka broker and Mongo server. */
@QuarkusTestResource(value = DevstackTestResource.class, restrictToAnnotatedClass = false)
public final class EmbeddedStack {

    private EmbeddedStack() {
    }
}
