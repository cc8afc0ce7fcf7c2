package ru.fioco.training.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.fioco.training.platform.events.CloudEvents;
import ru.fioco.training.platform.json.EventJson;

/** Puts records on a topic as a producing service would (or deliberately not), for consumer tests. */
public final class CloudEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventSender(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** A well-formed CloudEvent carrying {@code event} as JSON. */
    public void send(String topic, String key, String ceId, String ceType, Object event) {
        try {
            sendRaw(topic, key, EventJson.mapper().writeValueAsString(event), Map.of(
                    CloudEvents.ID, ceId, CloudEvents.TYPE, ceType, CloudEvents.SOURCE, "/tests",
                    CloudEvents.SUBJECT, key, CloudEvents.TIME, CloudEvents.time(Instant.now()),
                    CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As a given service publishes it: its source, the aggregate's sequence and who acted (null: nobody). */
    public void sendAs(String source, String topic, String key, String ceId, String ceType, long sequence, String actor,
            Object event) {
        try {
            Map<String, String> headers = new HashMap<>(Map.of(
                    CloudEvents.ID, ceId, CloudEvents.TYPE, ceType, CloudEvents.SOURCE, source,
                    CloudEvents.SUBJECT, key, CloudEvents.TIME, CloudEvents.time(Instant.now()),
                    CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1, CloudEvents.SEQUENCE, Long.toString(sequence)));
            if (actor != null) {
                headers.put(CloudEvents.ACTOR, actor);
            }
            sendRaw(topic, key, EventJson.mapper().writeValueAsString(event), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any value with any headers: for poison records. */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, h)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
