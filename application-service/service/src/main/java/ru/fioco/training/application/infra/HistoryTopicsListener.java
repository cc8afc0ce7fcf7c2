package ru.fioco.training.application.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import ru.fioco.training.application.query.history.HistoryLog;

/**
 * Reads all four topics with a consumer group of its own ({@code application-service.history}) and keeps
 * every event for the histories. It depends on nothing but Kafka: a consumer reading the topics anew from
 * offset 0 builds the same history (a test compares the two).
 */
@ApplicationScoped
public class HistoryTopicsListener {

    private static final Logger LOG = Logger.getLogger(HistoryTopicsListener.class);

    @Inject
    HistoryLog log;

    @Incoming("history")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        HistoryLog.of(record).ifPresentOrElse(log::record, () -> LOG.warnf(
                "History skips %s-%d@%d: not a CloudEvent of the platform", record.topic(), record.partition(),
                record.offset()));
    }
}
