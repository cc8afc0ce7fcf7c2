package ru.fioco.training.messaging;

import io.quarkus.test.common.QuarkusTestResource;

import ru.fioco.training.devstack.DevstackTestResource;

/** Every test of this module runs against the JVM's one embedded Kafka broker, Mongo server and SMTP server. */
@QuarkusTestResource(value = DevstackTestResource.class, restrictToAnnotatedClass = false)
public final class EmbeddedStack {

    private EmbeddedStack() {
    }
}
