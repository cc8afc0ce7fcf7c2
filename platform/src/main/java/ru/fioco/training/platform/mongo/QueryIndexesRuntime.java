package ru.fioco.training.platform.mongo;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/** Creates every declared {@link QueryIndexes} (the platform's and the service's) at start. */
@ApplicationScoped
public class QueryIndexesRuntime {

    private static final Logger LOG = Logger.getLogger(QueryIndexesRuntime.class);

    @Inject
    ServiceDatabase database;

    @Inject
    Instance<QueryIndexes> declared;

    void create(@Observes @Priority(3) StartupEvent event) {
        List<QueryIndexes.Index> all = all();
        for (QueryIndexes.Index index : all) {
            database.collection(index.collection()).createIndex(index.keys());
        }
        LOG.debugf("%d query indexes in place", all.size());
    }

    /** Every index declared: the platform's own packages' and the service's. */
    public List<QueryIndexes.Index> all() {
        List<QueryIndexes.Index> all = new ArrayList<>();
        declared.forEach(d -> all.addAll(d.indexes()));
        return all;
    }
}
