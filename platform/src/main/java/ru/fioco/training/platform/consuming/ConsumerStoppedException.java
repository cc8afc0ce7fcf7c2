package ru.fioco.training.platform.consuming;

/**
 * The service stops while a consumer retries a record: the record was not applied and is not committed, so it
 * comes again after the restart. The channel's failure strategy must be {@code fail}, never a dead letter.
 */
public class ConsumerStoppedException extends RuntimeException {

    public ConsumerStoppedException(String consumer, String record) {
        super(consumer + " stopped while retrying " + record);
    }
}
