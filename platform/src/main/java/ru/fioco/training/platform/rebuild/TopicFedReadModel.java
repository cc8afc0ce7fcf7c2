package ru.fioco.training.platform.rebuild;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A copy a service keeps from another service's topic (its own record of a programme, an application, a
 * verdict), which may be dropped and rebuilt by reading the topic again from its first offset. The listener
 * that keeps it implements this: {@link #replay} applies a record to the copy alone, while the live
 * listener also runs the service's policies (open a contract, post a notice), which a rebuild must not.
 */
public interface TopicFedReadModel {

    /**
     * What the copy is and where it comes from.
     *
     * @param name        the model's name in the admin API
     * @param channel     the SmallRye channel whose topics and consumer group feed the copy
     * @param consumer    the consumer name the listener dispatches under (its processed-event log and positions)
     * @param collections the collections the copy writes, all of them dropped before a rebuild
     */
    record Feed(String name, String channel, String consumer, List<String> collections) {
    }

    Feed feed();

    /** Applies one record to the copy alone: no command, notice, mail or number. */
    void replay(ConsumerRecord<String, String> record);
}
