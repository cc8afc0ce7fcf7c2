package ru.fioco.training.platform.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import ru.fioco.training.platform.events.CloudEvents;

/** Compares what an event store holds with what its topic holds. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** Every event id in the Axon event collection. */
    public static Set<String> ids(MongoDatabase db) {
        Set<String> ids = new HashSet<>();
        db.getCollection("domainevents").find().forEach(d -> ids.add(d.getString("eventIdentifier")));
        return ids;
    }

    public static Set<String> ceIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> CloudEvents.header(r.headers(), CloudEvents.ID)).collect(Collectors.toSet());
    }

    /** Per key, the stream sequence numbers in topic order, with redelivered duplicates (same ce_id) dropped. */
    public static Map<String, List<Long>> sequencesPerKey(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        Map<String, List<Long>> perKey = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (seen.add(CloudEvents.header(r.headers(), CloudEvents.ID))) {
                perKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Long.parseLong(CloudEvents.header(r.headers(), CloudEvents.SEQUENCE)));
            }
        }
        return perKey;
    }
}
