package ru.fioco.training.contract.infra;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.fioco.training.contract.domain.Numbering;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.mongo.UniqueSequence;

/** Invoice, act and certificate numbers: {@code SERIES-YEAR-NNNNNN}, one sequence per series and year. */
@ApplicationScoped
public class MongoNumbering implements Numbering {

    @Inject
    ServiceDatabase database;

    private UniqueSequence sequence;

    @PostConstruct
    void init() {
        sequence = new UniqueSequence(database);
    }

    @Override
    public String next(String series, int year) {
        return sequence.next(series + "-" + year, 999_999, value -> series + "-" + year + "-" + String.format("%06d", value));
    }
}
