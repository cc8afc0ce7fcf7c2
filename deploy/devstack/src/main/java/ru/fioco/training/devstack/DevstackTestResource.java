package ru.fioco.training.devstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Quarkus test resource every service's tests use: hands the JVM's shared embedded Kafka
 * broker, Mongo server, SMTP server and token key to the application under test. Stopping is left to the JVM,
 * so that several Quarkus starts in one JVM keep the same broker.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedTestStack stack = SharedTestStack.get();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "quarkus.mongodb.connection-string", stack.mongo().connectionString(),
                "mp.jwt.verify.publickey.location", stack.keys().publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TokenMinter.ISSUER,
                "mp.jwt.verify.audiences", TokenMinter.AUDIENCE,
                "quarkus.mailer.host", stack.mail().host(),
                "quarkus.mailer.port", Integer.toString(stack.mail().port()));
    }

    @Override
    public void stop() {
        // the shared stack outlives one application start; the JVM's shutdown hook stops it
    }
}
