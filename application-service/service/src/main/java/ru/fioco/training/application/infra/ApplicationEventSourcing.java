package ru.fioco.training.application.infra;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.config.Configurer;

import ru.fioco.training.application.domain.Application;
import ru.fioco.training.application.domain.Programme;
import ru.fioco.training.application.domain.ProgrammeDirectory;
import ru.fioco.training.application.domain.Representative;
import ru.fioco.training.application.domain.SubmissionRegistry;
import ru.fioco.training.application.domain.UploadedScans;
import ru.fioco.training.application.policy.IdentityLinkPolicy;
import ru.fioco.training.application.policy.PersonalDataErasurePolicy;
import ru.fioco.training.application.query.ApplicationBoard;
import ru.fioco.training.application.query.ProgrammeCatalogue;
import ru.fioco.training.application.query.RepresentativeRegistry;
import ru.fioco.training.platform.axon.EventSourcingSetup;
import ru.fioco.training.platform.calendar.ProductionCalendar;

/**
 * application-service's aggregates, projections and the components their command handlers receive as
 * parameters (calendar, clock, submission registry).
 */
@ApplicationScoped
public class ApplicationEventSourcing implements EventSourcingSetup {

    @Inject
    ProgrammeCatalogue catalogue;

    @Inject
    ApplicationBoard board;

    @Inject
    RepresentativeRegistry representatives;

    @Inject
    IdentityLinkPolicy identityLinks;

    @Inject
    PersonalDataErasurePolicy erasures;

    @Inject
    SubmissionRegistry registry;

    @Inject
    ProgrammeDirectory programmes;

    @Inject
    UploadedScans scans;

    @Inject
    ProductionCalendar calendar;

    @Inject
    Clock clock;

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(ProductionCalendar.class, c -> calendar);
        configurer.registerComponent(Clock.class, c -> clock);
        configurer.registerComponent(SubmissionRegistry.class, c -> registry);
        configurer.registerComponent(ProgrammeDirectory.class, c -> programmes);
        configurer.registerComponent(UploadedScans.class, c -> scans);
        configurer.configureAggregate(Programme.class);
        configurer.configureAggregate(Application.class);
        configurer.configureAggregate(Representative.class);
        configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> catalogue)
                .registerEventHandler(c -> board)
                .registerEventHandler(c -> representatives)
                .registerEventHandler(c -> identityLinks)
                .registerEventHandler(c -> erasures));
    }
}
