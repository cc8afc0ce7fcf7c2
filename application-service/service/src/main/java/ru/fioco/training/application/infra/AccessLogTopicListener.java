package ru.fioco.training.application.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.json.EventJson;

/**
 * Keeps the other services' access-log entries (scan, contract document and attachment downloads, register exports),
 * so that an act of destruction lists every view of the person's data, whichever service served it.
 */
@ApplicationScoped
public class AccessLogTopicListener {

    private static final Logger LOG = Logger.getLogger(AccessLogTopicListener.class);

    @Inject
    AccessLog accessLog;

    @Incoming("access-log")
    @Blocking
    public void onEntry(ConsumerRecord<String, String> record) {
        AccessLog.Shipped entry;
        try {
            entry = EventJson.mapper().readValue(record.value(), AccessLog.Shipped.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not ours to repair; the sending service's own log still has it
            LOG.errorf("An unreadable access-log record at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (entry.id() == null || entry.service() == null || entry.at() == null) {
            LOG.errorf("An incomplete access-log record at %s-%d@%d skipped", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        accessLog.receive(entry);
    }
}
