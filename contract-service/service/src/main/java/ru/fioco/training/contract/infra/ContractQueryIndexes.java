package ru.fioco.training.contract.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import ru.fioco.training.platform.mongo.QueryIndexes;

/** The staff's queues (each a filter on the stage's facts, sorted by its deadline), overdue originals and invoices, contracts of a programme, the certificate register by year, openings waiting for a programme. */
@ApplicationScoped
public class ContractQueryIndexes implements QueryIndexes {

    @Override
    public List<Index> indexes() {
        return List.of(
                new Index("contracts", Indexes.ascending("status", "conclusionLastDay")),
                new Index("contracts", Indexes.ascending("status", "programmeEnd")),
                new Index("contracts", Indexes.ascending("originalsReceived", "originalsDueDate")),
                new Index("contracts", Indexes.ascending("fullyPaid", "invoiceDueDate")),
                new Index("contracts", Indexes.ascending("programmeId")),
                new Index("contracts", Indexes.ascending("certificatesDue", "programmeEnd")),
                new Index("contracts", Indexes.ascending("toShip", "programmeEnd")),
                new Index("contracts", Indexes.ascending("certificateYears")),
                new Index("pending_openings", Indexes.ascending("programmeId", "parkedAt")));
    }
}
