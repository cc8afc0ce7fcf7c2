package ru.fioco.training.document.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.platform.mongo.QueryIndexes;

/** The review queue (by its deadline), an application's waiting scans, an application's downloads in time order. */
@ApplicationScoped
public class DocumentQueryIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(
                new Index("review_queue", Indexes.ascending("reviewDueDate", "uploadedAt")),
                new Index("review_queue", Indexes.ascending("applicationId")),
                new Index("document_downloads", Indexes.ascending("applicationId", "at")));
    }
}
