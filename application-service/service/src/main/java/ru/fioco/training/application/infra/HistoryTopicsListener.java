package ru.fioco.training.application.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import ru.fioco.training.application.query.history.ApplicationHistory;
import ru.fioco.training.application.query.history.HistoryLog;
import ru.fioco.training.application.query.nextstep.NextStepBook;
import ru.fioco.training.platform.consuming.InboundEvents;
import ru.fioco.training.platform.consuming.InboundListener;
import ru.fioco.training.platform.consuming.PoisonEventException;
import ru.fioco.training.platform.rebuild.TopicFedReadModel;

/**
 * Reads all four topics with a consumer group of its own ({@code application-service.history}) and keeps
 * every event for the histories, and the facts the next steps are derived from. It depends on nothing but Kafka, so the history can be dropped and read anew
 * from offset 0 ({@code history} in the admin API), and comes out the same.
 */
@ApplicationScoped
public class HistoryTopicsListener implements InboundListener, TopicFedReadModel {

    static final String CONSUMER = "application-service.history";
    private static final Logger LOG = Logger.getLogger(HistoryTopicsListener.class);

    @Inject
    InboundEvents inbound;

    @Inject
    HistoryLog log;

    @Inject
    ApplicationHistory history;

    @Inject
    NextStepBook nextSteps;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Incoming("history")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.consume(CONSUMER, record, () -> record(HistoryLog.of(record).orElseThrow(
                () -> new PoisonEventException("not a CloudEvent of the platform"))));
    }

    /**
     * Recording is all the history does with an event, live or replayed: a record is keyed by its event, and the
     * next-step facts apply each event once by its id, also when the record comes again after the history had it
     * (its consumer killed in between). A replay passes over a record that is not a CloudEvent of the platform (it
     * was dead-lettered when it first came).
     */
    @Override
    public void replay(ConsumerRecord<String, String> record) {
        HistoryLog.of(record).ifPresentOrElse(this::record, () -> LOG.warnf(
                "History skips %s-%d@%d: not a CloudEvent of the platform", record.topic(), record.partition(),
                record.offset()));
    }

    private void record(HistoryLog.Recorded recorded) {
        log.record(recorded);
        history.event(recorded).ifPresent(event -> nextSteps.apply(recorded.id(), event));
    }

    @Override
    public Feed feed() {
        return new Feed("history", "history", CONSUMER, List.of(HistoryLog.COLLECTION, NextStepBook.COLLECTION));
    }
}
