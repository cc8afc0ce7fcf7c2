package ru.fioco.training.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.fioco.training.devstack.SharedTestStack;

/** On the shared in-process broker: a topic that would delete records stops the start; a missing one is created to keep all. */
class TopicGuardTest {

    static Admin admin;
    static final TopicGuard.Layout LAYOUT = new TopicGuard.Layout(1, (short) 1, 1);

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of("bootstrap.servers", SharedTestStack.get().kafka().bootstrapServers()));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void aTopicWithKafkasDefaultWeekOfRetentionRefusesTheStartNamingTheTopicAndTheFix() throws Exception {
        String week = "guard-week-" + UUID.randomUUID();
        String compacted = "guard-compacted-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(week, 1, (short) 1),
                new NewTopic(compacted, 1, (short) 1).configs(Map.of("cleanup.policy", "compact", "retention.ms", "-1",
                        "retention.bytes", "-1")))).all().get();
        assertThatThrownBy(() -> new TopicGuard(admin).ensureKeptForever(List.of(week, compacted), LAYOUT))
                .isInstanceOf(TopicGuard.TopicRetentionException.class)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("«" + week + "»").hasMessageContaining("retention.ms=604800000")
                .hasMessageContaining("«" + compacted + "»").hasMessageContaining("cleanup.policy=compact")
                .hasMessageContaining("--add-config retention.ms=-1");
    }

    @Test
    void aMissingTopicIsCreatedToKeepEveryRecordAndThenPasses() throws Exception {
        String topic = "guard-new-" + UUID.randomUUID();
        assertThat(new TopicGuard(admin).ensureKeptForever(List.of(topic), LAYOUT)).containsExactly(topic);
        Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all().get()
                .values().iterator().next();
        assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
        // a second start (or another replica) finds it and lets it be
        assertThat(new TopicGuard(admin).ensureKeptForever(List.of(topic), LAYOUT)).isEmpty();
    }

    @Test
    void theSharedStacksDomainTopicsAreKeptForEver() {
        assertThat(new TopicGuard(admin).ensureKeptForever(List.of("applications", "documents", "contracts", "messages",
                "representatives"), LAYOUT)).isEmpty();
    }
}
