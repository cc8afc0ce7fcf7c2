package ru.fioco.training.platform.accesslog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.platform.mongo.QueryIndexes;

/** The access log read by person and by application, newest first. */
@ApplicationScoped
public class AccessLogIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(new Index(AccessLog.COLLECTION, Indexes.ascending("subjects", "at")),
                new Index(AccessLog.COLLECTION, Indexes.ascending("applicationId", "at")),
                new Index(AccessLog.COLLECTION, Indexes.ascending(AccessLogShipper.SHIPPED, "at")),
                new Index(AccessLog.RECEIVED, Indexes.ascending("subjects", "at")));
    }
}
