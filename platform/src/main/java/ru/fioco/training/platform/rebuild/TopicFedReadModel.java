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

    /** The model's name in the admin API. */
    String name();

    /** The SmallRye channel whose topics and consumer group feed the copy. */
    String channel();

    /** The consumer name the listener dispatches under (its processed-event log and positions). */
    String consumer();

    /** The collections the copy writes, all of them dropped before a rebuild. */
    List<String> collections();

    /** Applies one record to the copy alone: no command, notice, mail or number. */
    void replay(ConsumerRecord<String, String> record);
}
