package ru.fioco.training.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import ru.fioco.training.application.api.RepresentativeConfirmed;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.application.api.RepresentativeEvent;
import ru.fioco.training.application.api.RepresentativeProfileChanged;
import ru.fioco.training.application.api.RepresentativeRefused;
import ru.fioco.training.application.api.RepresentativeRegistered;
import ru.fioco.training.application.api.RepresentativeRevoked;
import ru.fioco.training.application.api.RepresentativeSettingsChanged;
import ru.fioco.training.platform.api.EventHandlers;

/**
 * Tells the identity provider what the institute decided: a confirmed link puts the organisation into the person's
 * tokens, a revocation takes it out and ends their sessions, an erasure of their data deletes their account. Its own tracking processor over this service's
 * event store: a call that fails (the provider is down) is retried, in order, until it succeeds, and every call is
 * idempotent, so a retry after a crash does no harm.
 */
@ApplicationScoped
@ProcessingGroup(IdentityLinkPolicy.PROCESSING_GROUP)
public class IdentityLinkPolicy {

    public static final String PROCESSING_GROUP = "identity-link";

    @Inject
    IdentityDirectory directory;

    private final EventHandlers<RepresentativeEvent, Void> reactions =
            EventHandlers.<RepresentativeEvent, Void>of(RepresentativeEvent.class, PROCESSING_GROUP)
                    .handle(RepresentativeConfirmed.class, e -> directory.linkOrganisation(e.representativeId(),
                            e.organisationInn()))
                    // a refused request never carried the organisation: nothing to end
                    .handle(RepresentativeRefused.class, e -> directory.unlinkOrganisation(e.representativeId(), false))
                    .handle(RepresentativeRevoked.class, e -> directory.unlinkOrganisation(e.representativeId(), true))
                    // the account keeps the person's name and e-mail: an erasure deletes it
                    .handle(RepresentativeDataErased.class, e -> directory.forget(e.representativeId()))
                    .ignore(RepresentativeRegistered.class, RepresentativeProfileChanged.class,
                            RepresentativeSettingsChanged.class)
                    .build();

    @EventHandler
    @DisallowReplay
    void on(RepresentativeEvent event) {
        reactions.handle(event, null);
    }
}
