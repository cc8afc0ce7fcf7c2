package ru.fioco.training.platform.topics;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.accesslog.AccessLogShipping;
import ru.fioco.training.platform.kafka.KafkaClients;
import ru.fioco.training.platform.publishing.EventPublication;

/**
 * At start, before the publisher and the consumers: the topics the service publishes to and replays from are kept
 * for ever, or the service does not start (see {@link TopicGuard}). Dead-letter topics are not checked: they may
 * expire.
 */
@ApplicationScoped
public class TopicGuardRuntime {

    private static final Logger LOG = Logger.getLogger(TopicGuardRuntime.class);

    @Inject
    Config config;

    @Inject
    Instance<EventPublication> publication;

    @Inject
    KafkaClients kafka;

    @Inject
    AccessLogShipping accessLogShipping;

    @ConfigProperty(name = "platform.topics.guard.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "platform.topics.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "platform.topics.replication-factor", defaultValue = "1")
    short replicationFactor;

    @ConfigProperty(name = "platform.topics.min-insync-replicas", defaultValue = "1")
    int minInsyncReplicas;

    void check(@Observes @Priority(10) StartupEvent event) {
        if (!enabled) {
            return;
        }
        Set<String> topics = domainTopics();
        try (Admin admin = kafka.admin()) {
            var created = new TopicGuard(admin).ensureKeptForever(topics,
                    new TopicGuard.Layout(partitions, replicationFactor, minInsyncReplicas));
            if (!created.isEmpty()) {
                LOG.infof("Created the topics %s, kept for ever", created);
            }
        }
    }

    /** The publication's topics, the access log's, and every incoming channel's ({@code topic} or {@code topics}), but dead-letter topics. */
    Set<String> domainTopics() {
        Set<String> topics = new LinkedHashSet<>();
        if (publication.isResolvable()) {
            topics.addAll(publication.get().topics());
        }
        if (accessLogShipping.enabled()) {
            topics.add(AccessLog.TOPIC); // the act of destruction needs every entry, so it is kept like the events
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && (name.endsWith(".topic") || name.endsWith(".topics"))) {
                config.getOptionalValue(name, String.class).ifPresent(value -> Arrays.stream(value.split(","))
                        .map(String::strip).filter(t -> !t.isEmpty() && !t.endsWith(".dlq")).forEach(topics::add));
            }
        }
        return topics;
    }
}
