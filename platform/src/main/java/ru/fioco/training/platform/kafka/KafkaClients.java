package ru.fioco.training.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;

/**
 * The settings of the Kafka clients the platform builds itself (the publisher's producer, the dead letters' producer,
 * the topic guard's admin client, a rebuild's consumer): every {@code kafka.*} property the SmallRye connector gets
 * (bootstrap servers, {@code security.protocol}, SASL, TLS trust and key stores), so that a cluster that needs them
 * is reached the same way by all of the service's clients; then the client's own settings on top.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /** The shared connection and security settings plus {@code own}; no group for a client that is not a consumer. */
    public Map<String, Object> settings(Map<String, Object> own) {
        Map<String, Object> merged = new HashMap<>(broker);
        if (!own.containsKey("group.id")) {
            merged.remove("group.id"); // Quarkus adds the application's name as a default group
        }
        merged.putAll(own);
        return merged;
    }

    public Admin admin() {
        return Admin.create(settings(Map.of()));
    }
}
