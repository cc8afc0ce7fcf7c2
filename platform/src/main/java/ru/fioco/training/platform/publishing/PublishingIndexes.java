package ru.fioco.training.platform.publishing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.platform.mongo.QueryIndexes;

/** The publisher looks for its parked event on every pass. */
@ApplicationScoped
public class PublishingIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(new Index(PublisherQuarantine.COLLECTION, Indexes.ascending("publisher", "state")));
    }
}
