package ru.fioco.training.contract.infra;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.config.Configurer;

import ru.fioco.training.contract.api.ContractEvent;
import ru.fioco.training.contract.domain.Contract;
import ru.fioco.training.contract.domain.CourseCatalogue;
import ru.fioco.training.contract.domain.DocumentStatus;
import ru.fioco.training.contract.domain.Numbering;
import ru.fioco.training.contract.domain.Paperwork;
import ru.fioco.training.contract.query.ContractBoard;
import ru.fioco.training.platform.axon.EventSourcingSetup;
import ru.fioco.training.platform.calendar.ProductionCalendar;
import ru.fioco.training.platform.files.FileStore;
import ru.fioco.training.platform.mongo.ServiceDatabase;
import ru.fioco.training.platform.publishing.SealedEventPublication;

/** contract-service's aggregate, projection, the components its handlers receive, publication and file store. */
@ApplicationScoped
public class ContractEventSourcing extends SealedEventPublication implements EventSourcingSetup {

    public ContractEventSourcing() {
        super(ContractEvent.class, ContractEvent.TOPIC, ContractEvent.TYPE_PREFIX, "/contract-service");
    }

    @Inject
    ContractBoard board;

    @Inject
    Paperwork paperwork;

    @Inject
    Numbering numbering;

    @Inject
    DocumentStatus documents;

    @Inject
    CourseCatalogue courses;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    ServiceDatabase database;

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(Paperwork.class, c -> paperwork);
        configurer.registerComponent(Numbering.class, c -> numbering);
        configurer.registerComponent(DocumentStatus.class, c -> documents);
        configurer.registerComponent(CourseCatalogue.class, c -> courses);
        configurer.registerComponent(ProductionCalendar.class, c -> calendar);
        configurer.registerComponent(Clock.class, c -> clock);
        configurer.configureAggregate(Contract.class);
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> board));
    }

    /** Generated drafts, invoices and acts live in this service's own GridFS bucket. */
    @Produces
    @Singleton
    FileStore fileStore() {
        return new FileStore(database.client().getDatabase(database.name()), "contract_documents");
    }
}
