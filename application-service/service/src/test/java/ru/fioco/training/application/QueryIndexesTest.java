package ru.fioco.training.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.mongo.QueryIndexes;
import ru.fioco.training.platform.mongo.QueryIndexesRuntime;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/** The indexes the service's and the platform's queries need exist once the service has started. */
@QuarkusTest
class QueryIndexesTest {

    @Inject
    QueryIndexesRuntime indexes;

    @Inject
    ServiceDatabase database;

    @Test
    void everyDeclaredIndexIsCreatedAtStart() {
        List<QueryIndexes.Index> declared = indexes.all();
        assertThat(declared).extracting(QueryIndexes.Index::collection)
                .contains("applications", "history_events", "dead_letters", "processed_events", "publisher_quarantine");
        for (QueryIndexes.Index index : declared) {
            List<Document> keys = new ArrayList<>();
            database.collection(index.collection()).listIndexes().forEach(i -> keys.add(i.get("key", Document.class)));
            BsonDocument wanted = index.keys().toBsonDocument();
            assertThat(keys).as(index.collection() + " " + wanted)
                    .anyMatch(k -> k.toBsonDocument().equals(wanted));
        }
    }
}
