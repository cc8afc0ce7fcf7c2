package ru.fioco.training.platform.axon;

import org.axonframework.config.Configurer;

/** A service's part of the Axon configuration: its aggregates, projections and components. */
public interface EventSourcingSetup {

    void configure(Configurer configurer);
}
