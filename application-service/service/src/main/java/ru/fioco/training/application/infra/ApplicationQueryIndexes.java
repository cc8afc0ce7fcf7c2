package ru.fioco.training.application.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.application.query.history.HistoryLog;
import ru.fioco.training.application.query.nextstep.NextStepBook;
import ru.fioco.training.platform.mongo.QueryIndexes;

/** The board's lists (by organisation, author, status, programme, region; newest first), the review deadline queue, the history by application, the next steps' searches, the registry of representatives. */
@ApplicationScoped
public class ApplicationQueryIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(
                new Index("applications", Indexes.ascending("organisationInn", "createdAt")),
                new Index("applications", Indexes.ascending("draftedBy", "createdAt")),
                new Index("applications", Indexes.ascending("status", "createdAt")),
                new Index("applications", Indexes.ascending("programmeId", "createdAt")),
                new Index("applications", Indexes.ascending("status", "reviewDueDate")),
                new Index("applications", Indexes.ascending("createdAt")),
                new Index(HistoryLog.COLLECTION, Indexes.ascending("applicationId")),
                new Index(NextStepBook.COLLECTION, Indexes.ascending("searchKeys")),
                new Index(NextStepBook.COLLECTION, Indexes.ascending("contractStatus")),
                new Index("representatives", Indexes.ascending("registeredAt", "_id")));
    }
}
