package ru.fioco.training.platform.consuming;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A service's listener on a Kafka channel, named by its consumer. A dead-lettered record is re-driven through
 * {@link #onEvent}, the same path a live record takes (gate, processed-event log, copy, policy).
 */
public interface InboundListener {

    /** The consumer name the listener dispatches under (its processed-event log and dead letters). */
    String consumer();

    void onEvent(ConsumerRecord<String, String> record);
}
