package ru.fioco.training.platform.consuming;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.platform.mongo.QueryIndexes;

/** A consumer's forgotten log (before a rebuild), the dead letters by state and by consumer. */
@ApplicationScoped
public class ConsumingIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(
                new Index(ProcessedEventLog.COLLECTION, Indexes.ascending("consumer")),
                new Index(DeadLetters.COLLECTION, Indexes.ascending("state", "lastAt")),
                new Index(DeadLetters.COLLECTION, Indexes.ascending("consumer", "lastAt")));
    }
}
