package ru.fioco.training.platform.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The domain topics are the log every history, copy and read model is rebuilt from offset 0: they must keep their
 * records for ever. The guard creates a missing topic that way (with the configured partitions, replication factor
 * and {@code min.insync.replicas}) and refuses a topic that would delete records (finite retention, or compaction,
 * which keeps one record per key), naming the topic and the setting to change.
 */
public final class TopicGuard {

    /** What the domain topics are created with. */
    public record Layout(int partitions, short replicationFactor, int minInsyncReplicas) {
    }

    private final Admin admin;

    public TopicGuard(Admin admin) {
        this.admin = admin;
    }

    /**
     * @return the topics that were missing and are now created
     * @throws TopicRetentionException a topic would delete what the service replays
     */
    public List<String> ensureKeptForever(Collection<String> topics, Layout layout) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    create(topic, layout);
                    created.add(topic);
                }
            }
            List<ConfigResource> resources = topics.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            List<String> problems = new ArrayList<>();
            configs.forEach((resource, config) -> problem(resource.name(), config).ifPresent(problems::add));
            if (!problems.isEmpty()) {
                throw new TopicRetentionException(problems);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not check the topics " + topics + ": " + e.getMessage(), e);
        }
    }

    private void create(String topic, Layout layout) throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic newTopic = new NewTopic(topic, layout.partitions(), layout.replicationFactor()).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(layout.minInsyncReplicas())));
        try {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another replica created it meanwhile: it is checked like any existing topic
            }
        }
    }

    static Optional<String> problem(String topic, Config config) {
        String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
        String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG);
        String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        List<String> wrong = new ArrayList<>();
        if (retentionMs != null && !"-1".equals(retentionMs)) {
            wrong.add("retention.ms=" + retentionMs);
        }
        if (retentionBytes != null && !"-1".equals(retentionBytes)) {
            wrong.add("retention.bytes=" + retentionBytes);
        }
        if (cleanup != null && cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            wrong.add("cleanup.policy=" + cleanup);
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of("topic «" + topic + "» deletes records ("
                + String.join(", ", wrong) + "); the history and every read model are rebuilt from its first record: "
                + "kafka-configs --alter --entity-type topics --entity-name " + topic
                + " --add-config retention.ms=-1,retention.bytes=-1,cleanup.policy=delete");
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }

    /** A topic would delete records the service replays: the service does not start. */
    public static final class TopicRetentionException extends IllegalStateException {
        public TopicRetentionException(List<String> problems) {
            super("Refusing to start: " + String.join("; ", problems));
        }
    }
}
