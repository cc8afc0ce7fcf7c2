package ru.fioco.training.application.infra;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import ru.fioco.training.application.query.history.HistoryLog;
import ru.fioco.training.platform.events.CloudEvents;

/**
 * Reads all four topics with a consumer group of its own ({@code application-service.history}) and keeps
 * every event for the histories. It depends on nothing but Kafka: a new instance, or this one after its
 * collection was dropped, rebuilds the same history from offset 0.
 */
@ApplicationScoped
public class HistoryTopicsListener {

    private static final Logger LOG = Logger.getLogger(HistoryTopicsListener.class);

    @Inject
    HistoryLog log;

    @Incoming("history")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        String id = CloudEvents.header(record.headers(), CloudEvents.ID);
        String type = CloudEvents.header(record.headers(), CloudEvents.TYPE);
        String subject = CloudEvents.header(record.headers(), CloudEvents.SUBJECT);
        String source = CloudEvents.header(record.headers(), CloudEvents.SOURCE);
        String time = CloudEvents.header(record.headers(), CloudEvents.TIME);
        if (id == null || type == null || subject == null || time == null || record.value() == null) {
            // not one of the platform's events: nothing a history could show
            LOG.warnf("History skips %s-%d@%d: not a CloudEvent of the platform", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            LOG.warnf("History skips %s-%d@%d: ce_time %s", record.topic(), record.partition(), record.offset(), time);
            return;
        }
        String sequence = CloudEvents.header(record.headers(), CloudEvents.SEQUENCE);
        long seq;
        try {
            seq = sequence == null ? 0 : Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            seq = 0;
        }
        String service = source == null ? record.topic() : source.startsWith("/") ? source.substring(1) : source;
        log.record(new HistoryLog.Recorded(id, subject, service, type, at,
                CloudEvents.header(record.headers(), CloudEvents.ACTOR), seq, record.value()));
    }
}
