package ru.fioco.training.application.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.config.Configurer;

import ru.fioco.training.application.domain.Programme;
import ru.fioco.training.application.query.ProgrammeCatalogue;
import ru.fioco.training.platform.axon.EventSourcingSetup;

/** application-service's aggregates and projections in Axon. */
@ApplicationScoped
public class ApplicationEventSourcing implements EventSourcingSetup {

    @Inject
    ProgrammeCatalogue catalogue;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Programme.class);
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> catalogue));
    }
}
